import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem, z } from '../http/schemas';
import { PROBLEM_JSON } from '../plugins/problem';

/** A dependency the service cannot work without; `check` throws with the reason when it is down. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CheckResults = z.record(z.string(), z.string());

/**
 * `/healthz` says the process is alive (never touches dependencies, so a database
 * outage does not get healthy pods killed); `/readyz` says it can serve: every
 * check passes, else 503 with which one failed and why.
 */
export async function healthRoutes(app: FastifyInstance, options: { checks: ReadinessCheck[] }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/healthz',
    { schema: { tags: ['operations'], operationId: 'getHealth', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  typed.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getReadiness',
        response: {
          200: z.object({ status: z.literal('ready'), checks: CheckResults }),
          503: Problem.extend({ checks: CheckResults }),
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
