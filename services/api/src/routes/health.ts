import type { FastifyInstance } from 'fastify';
import { PROBLEM_JSON } from '../plugins/problem';

/** A dependency the service cannot work without; `check` throws with the reason when it is down. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const checkResult = {
  type: 'object',
  additionalProperties: { type: 'string' },
} as const;

/**
 * `/healthz` says the process is alive (never touches dependencies, so a database
 * outage does not get healthy pods killed); `/readyz` says it can serve: every
 * check passes, else 503 with which one failed and why.
 */
export async function healthRoutes(app: FastifyInstance, options: { checks: ReadinessCheck[] }) {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        response: { 200: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string', enum: ['ready'] }, checks: checkResult },
            required: ['status', 'checks'],
          },
          503: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              checks: checkResult,
            },
            required: ['status', 'detail', 'checks'],
          },
        },
      },
    },
    async (_request, reply) => {
      const results = await Promise.all(
        options.checks.map(async ({ name, check }) => {
          try {
            await check();
            return [name, 'ok'] as const;
          } catch (error) {
            return [name, `down: ${(error as Error).message || 'unreachable'}`] as const;
          }
        }),
      );
      const checks = Object.fromEntries(results);
      const down = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
      if (down.length === 0) return { status: 'ready' as const, checks };
      return reply
        .status(503)
        .type(PROBLEM_JSON)
        .send({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: `not ready: ${down.join(', ')} unavailable`,
          checks,
        });
    },
  );
}
