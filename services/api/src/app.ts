import type { FastifyInstance } from 'fastify';
import { problemDetails } from './plugins/problem';
import { healthRoutes, type ReadinessCheck } from './routes/health';
import { type WebhookDeps, webhookRoutes } from './routes/webhooks';

export interface AppOptions {
  readiness: ReadinessCheck[];
  /** Mailbox features (push webhooks); absent in tests of the bare app. */
  webhooks?: WebhookDeps;
}

/**
 * The whole HTTP application as a plugin. `server.ts` owns the process (logger,
 * listen, shutdown); tests register this same plugin and use `inject`.
 */
export async function app(fastify: FastifyInstance, options: AppOptions) {
  await fastify.register(problemDetails);
  await fastify.register(healthRoutes, { checks: options.readiness });
  if (options.webhooks) await fastify.register(webhookRoutes, options.webhooks);
}
