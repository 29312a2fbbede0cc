import type { FastifyInstance } from 'fastify';
import type { MailboxConnectionDeps } from './mailbox-connection';
import { apiKeyAuth } from './plugins/auth';
import { problemDetails } from './plugins/problem';
import { analysisRoutes } from './routes/analysis';
import { healthRoutes, type ReadinessCheck } from './routes/health';
import { mailboxRoutes, oauthCallbackRoutes } from './routes/mailboxes';
import { type WebhookDeps, webhookRoutes } from './routes/webhooks';

export interface AppOptions {
  readiness: ReadinessCheck[];
  /** Mailbox features (push webhooks); absent in tests of the bare app. */
  webhooks?: WebhookDeps;
  /** Mailbox management and OAuth connection; absent in tests of the bare app. */
  mailboxes?: MailboxConnectionDeps;
}

/**
 * The whole HTTP application as a plugin. `server.ts` owns the process (logger,
 * listen, shutdown); tests register this same plugin and use `inject`.
 */
export async function app(fastify: FastifyInstance, options: AppOptions) {
  await fastify.register(problemDetails);
  await fastify.register(healthRoutes, { checks: options.readiness });
  if (options.webhooks) await fastify.register(webhookRoutes, options.webhooks);
  const mailboxes = options.mailboxes;
  if (mailboxes) {
    // Two /v1 scopes: the API-key hook guards the first only; the OAuth callback is
    // reached by the operator's browser, authenticated by its sealed state instead.
    await fastify.register(
      async (v1) => {
        await apiKeyAuth(v1, { db: mailboxes.db, clock: mailboxes.clock });
        await v1.register(mailboxRoutes, mailboxes);
        await v1.register(analysisRoutes, mailboxes);
      },
      { prefix: '/v1' },
    );
    await fastify.register(oauthCallbackRoutes, { ...mailboxes, prefix: '/v1' });
  }
}
