import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type AppOptions, app } from './app';

export interface ServerOptions extends AppOptions {
  host: string;
  port: number;
  logger: Logger;
}

export interface RunningServer {
  readonly fastify: FastifyInstance;
  readonly url: string;
  /** Stops accepting connections and waits for in-flight requests. */
  close(): Promise<void>;
}

export function buildServer(options: AppOptions & { logger: Logger }): FastifyInstance {
  const fastify = Fastify({
    // pino's Logger is a FastifyBaseLogger; the explicit type keeps the instance's generics default.
    loggerInstance: options.logger as FastifyBaseLogger,
    // A closing server answers new requests with 503 and lets keep-alive clients go.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Every log line of a request carries its id (`reqId`): the caller's x-request-id (a proxy's
    // or a client's, so one id follows a request across services), else a fresh one.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  // Echoed on every answer, errors included (onSend runs for those too), so a caller can quote it.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.register(app, options);
  return fastify;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const fastify = buildServer(options);
  await fastify.listen({ host: options.host, port: options.port });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { fastify, url: `http://${host}:${port}`, close: () => fastify.close() };
}
