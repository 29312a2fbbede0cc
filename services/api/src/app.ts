import type { FastifyInstance } from 'fastify';
import { problemDetails } from './plugins/problem';
import { healthRoutes, type ReadinessCheck } from './routes/health';

export interface AppOptions {
  readiness: ReadinessCheck[];
}

/**
 * The whole HTTP application as a plugin. `server.ts` owns the process (logger,
 * listen, shutdown); tests register this same plugin and use `inject`.
 */
export async function app(fastify: FastifyInstance, options: AppOptions) {
  await fastify.register(problemDetails);
  await fastify.register(healthRoutes, { checks: options.readiness });
}
