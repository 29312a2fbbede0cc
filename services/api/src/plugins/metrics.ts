import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@firmly/core';
import type { Database, MetricsScope } from '@firmly/db';
import type { QueueBackend } from '@firmly/queue';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpProblem, Unauthorized } from '../errors';
import { Problem, z } from '../http/schemas';
import { databaseGauges } from '../metrics/database-gauges';
import { EXPOSITION_CONTENT_TYPE, renderExposition } from '../metrics/exposition';
import { queueJobGauges } from '../metrics/queue-gauges';
import { principalFromApiKey } from './auth';

export interface MetricsOptions {
  db: Database;
  queues: QueueBackend;
  clock: Clock;
  /** METRICS_TOKEN: when set, the scraper's bearer token and the only way in. */
  token?: string | undefined;
}

/**
 * `GET /metrics` for Prometheus, computed at scrape time from PostgreSQL and the queues.
 *
 * Who may read it: with METRICS_TOKEN configured, only `Authorization: Bearer <token>`
 * (the deployment's scraper; it sees every workspace). Without it, an API key with the
 * `admin` scope, which sees its own workspace's series (queues are shared, so their
 * counts are the deployment's).
 */
export async function metrics(app: FastifyInstance, options: MetricsOptions) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics (text exposition format 0.0.4)',
        description:
          'Mailbox sync lag, queue depths, drafts pending review, outgoing emails by state, cancel reasons and provider errors. ' +
          'Bearer METRICS_TOKEN when configured (every workspace); otherwise an admin API key (its own workspace).',
        response: {
          200: { content: { [EXPOSITION_CONTENT_TYPE]: { schema: z.string() } } },
          401: Problem,
          403: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const scope = await scrapeScope(request, options);
      const [database, queues] = await Promise.all([databaseGauges(options.db, options.clock, scope), queueJobGauges(options.queues)]);
      return reply
        .type(EXPOSITION_CONTENT_TYPE)
        .header('cache-control', 'no-store')
        .send(renderExposition([...database, queues]));
    },
  );
}

async function scrapeScope(request: FastifyRequest, options: MetricsOptions): Promise<MetricsScope> {
  const authorization = request.headers.authorization;
  if (options.token) {
    const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!given || !sameSecret(given, options.token))
      throw new Unauthorized('send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    return { allWorkspaces: true };
  }
  if (!authorization) throw new Unauthorized('send an API key with the admin scope');
  const principal = await principalFromApiKey(options.db, authorization, options.clock.now());
  if (!principal.scopes.has('admin')) {
    throw new HttpProblem(403, 'Forbidden', 'metrics need an API key with the admin scope', { requiredScope: 'admin' });
  }
  return { workspaceId: principal.workspaceId };
}

/** Constant-time comparison; hashing first makes the lengths equal and hides the token's. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
