import { verifyAuditChain } from '@firmly/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { commonErrors, Instant, Uuid, z } from '../http/schemas';
import { principalOf } from '../plugins/auth';

const AuditVerification = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), events: z.number().int(), verifiedAt: Instant }),
    z.object({
      ok: z.literal(false),
      events: z.number().int(),
      brokenAt: z.object({
        seq: z.number().int(),
        eventId: Uuid.nullable().describe('null when the event at `seq` was deleted'),
        reason: z.string(),
      }),
      verifiedAt: Instant,
    }),
  ])
  .meta({ id: 'AuditVerification' });

/**
 * Verification of the caller's audit hash chain under /v1 (the log itself is listed by
 * `GET /v1/audit` in routes/invoices.ts). Admin only: it reads the whole log, and a break is
 * evidence that someone with database access edited the record.
 */
export async function auditRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/audit/verify',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['audit'],
        summary: "Recompute the workspace's audit hash chain and name the first event that breaks it",
        response: { 200: AuditVerification, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const check = await verifyAuditChain(deps.db, workspaceId);
      const verifiedAt = deps.clock.now().toISOString();
      if (check.ok) return { ok: true as const, events: check.length, verifiedAt };
      return {
        ok: false as const,
        events: check.length,
        brokenAt: { seq: check.brokenAtSeq, eventId: check.eventId, reason: check.reason },
        verifiedAt,
      };
    },
  );
}
