import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { followChanges, forgetAfterWrites } from './changes';
import type { MailboxConnectionDeps } from './mailbox-connection';
import { operatorAuth } from './plugins/auth';
import { KnownApiKeys } from './plugins/known-api-keys';
import { metrics } from './plugins/metrics';
import { openApi } from './plugins/openapi';
import { problemDetails } from './plugins/problem';
import { queueBoard } from './plugins/queue-board';
import { security } from './plugins/security';
import { webPage } from './plugins/web';
import { adminRoutes } from './routes/admin';
import { analysisRoutes } from './routes/analysis';
import { auditRoutes } from './routes/audit';
import { clientRecordRoutes } from './routes/client-records';
import { clientRoutes } from './routes/clients';
import { dossierRoutes } from './routes/dossier';
import { healthRoutes, type ReadinessCheck } from './routes/health';
import { invoiceRoutes } from './routes/invoices';
import { mailboxRoutes, oauthCallbackRoutes } from './routes/mailboxes';
import { offboardingRoutes } from './routes/offboarding';
import { reviewRoutes } from './routes/review';
import { sessionRoutes } from './routes/session';
import { type WebhookDeps, webhookRoutes } from './routes/webhooks';

export interface HttpOptions {
  /** Origins allowed to call the API from a browser; empty: CORS off. */
  corsOrigins: readonly string[];
  /** Requests per minute per caller. */
  rateLimitPerMinute: number;
  /** The public base URL (https there makes cookies Secure). */
  publicUrl?: string;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = { corsOrigins: [], rateLimitPerMinute: 600 };

/** The HTTP options from a service's parsed environment (CORS_ORIGINS, RATE_LIMIT_PER_MINUTE, PUBLIC_URL). */
export function httpOptionsFrom(config: {
  CORS_ORIGINS: string[];
  RATE_LIMIT_PER_MINUTE: number;
  PUBLIC_URL?: string | undefined;
}): HttpOptions {
  return {
    corsOrigins: config.CORS_ORIGINS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
  };
}

export interface AppOptions {
  readiness: ReadinessCheck[];
  /** Mailbox features (push webhooks); absent in tests of the bare app. */
  webhooks?: WebhookDeps;
  /** The /v1 API (mailboxes, review, clients, …); absent in tests of the bare app. */
  mailboxes?: MailboxConnectionDeps;
  http?: HttpOptions;
  /** METRICS_TOKEN: the bearer token /metrics wants; unset, an admin API key reads it. */
  metricsToken?: string | undefined;
}

/**
 * The whole HTTP application as a plugin. `server.ts` owns the process (logger,
 * listen, shutdown); tests register this same plugin and use `inject`.
 */
export async function app(fastify: FastifyInstance, options: AppOptions) {
  const http = options.http ?? DEFAULT_HTTP_OPTIONS;
  await fastify.register(problemDetails);
  await fastify.register(cookie);
  await fastify.register(security, { corsOrigins: http.corsOrigins, rateLimitPerMinute: http.rateLimitPerMinute });
  await fastify.register(openApi);
  await fastify.register(healthRoutes, { checks: options.readiness });
  if (options.mailboxes) await fastify.register(metrics, { ...options.mailboxes, token: options.metricsToken });
  if (options.mailboxes) await fastify.register(queueBoard, options.mailboxes);
  if (options.webhooks) await fastify.register(webhookRoutes, options.webhooks);
  const deps = options.mailboxes;
  if (deps) {
    const changes = await followChanges(fastify, deps.db);
    const v1 = { ...deps, publicUrl: http.publicUrl, changes };
    // Two /v1 scopes: the operator-auth hook guards the first only; the OAuth callback is
    // reached by the operator's browser, authenticated by its sealed state instead.
    await fastify.register(
      async (scope) => {
        await operatorAuth(scope, { db: deps.db, clock: deps.clock, knownKeys: new KnownApiKeys(deps.db, changes.callers) });
        forgetAfterWrites(scope, changes);
        await scope.register(sessionRoutes, v1);
        await scope.register(mailboxRoutes, deps);
        await scope.register(analysisRoutes, deps);
        await scope.register(reviewRoutes, v1);
        await scope.register(clientRoutes, v1);
        await scope.register(dossierRoutes, v1);
        await scope.register(clientRecordRoutes, v1);
        await scope.register(invoiceRoutes, v1);
        await scope.register(adminRoutes, v1);
        await scope.register(auditRoutes, v1);
        await scope.register(offboardingRoutes, v1);
      },
      { prefix: '/v1' },
    );
    await fastify.register(oauthCallbackRoutes, { ...deps, prefix: '/v1' });
  }
  await fastify.register(webPage);
}
