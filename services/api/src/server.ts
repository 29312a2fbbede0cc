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
