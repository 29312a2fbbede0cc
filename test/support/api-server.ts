import { type AppOptions, buildServer, type HttpOptions, mailboxDeps } from '@firmly/api';
import { createLogger } from '@firmly/config';
import type { Clock } from '@firmly/core';
import type { Database } from '@firmly/db';
import type { QueueBackend } from '@firmly/queue';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sandboxSettings, testKeys } from './mail-harness';

export interface TestApiOptions {
  db: Database;
  queues: QueueBackend;
  clock?: Clock;
  /** Where the API says it is reached; https makes session cookies Secure. */
  publicUrl?: string;
  logger?: Logger;
  /** Defaults to CORS off and a rate limit no test reaches. */
  http?: Partial<HttpOptions>;
  webhooks?: AppOptions['webhooks'];
  metricsToken?: string;
}

/**
 * The whole API as production builds it, with the mail providers pointed at the sandbox: what an
 * API test (and bench:api's server) talks to, through `inject` or a listening socket.
 */
export function testApiServer(options: TestApiOptions): FastifyInstance {
  const publicUrl = options.publicUrl ?? 'http://127.0.0.1:3000';
  return buildServer({
    logger: options.logger ?? createLogger('test', 'silent'),
    readiness: [],
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    mailboxes: mailboxDeps({
      db: options.db,
      queues: options.queues,
      ...(options.clock ? { clock: options.clock } : {}),
      config: { ...sandboxSettings({ publicUrl }), FIRMLY_ENCRYPTION_KEY: testKeys },
      publicUrl,
    }),
    http: { corsOrigins: [], rateLimitPerMinute: 100_000, publicUrl, ...options.http },
    metricsToken: options.metricsToken,
  });
}
