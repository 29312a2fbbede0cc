import { clientDossier } from '@firmly/db';
import { DOSSIER_LOCALES, dossierHtml, dossierPdf, isDossierLocale } from '@firmly/reports';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { NotFound } from '../errors';
import { CalendarDay, commonErrors, Instant, Uuid, z } from '../http/schemas';
import { principalOf } from '../plugins/auth';
import { Money } from './invoices';

/** Nothing but the inline style: the page shows other people's text and must never run or load anything. */
export const DOSSIER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/* ------------------------------------------------------------------ output */

const Actor = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('operator'), id: z.string(), name: z.string().nullable() }),
    z.object({ kind: z.literal('api_key'), id: z.string() }),
    z.object({ kind: z.literal('system'), component: z.string() }),
  ])
  .meta({ id: 'DossierActor' });

const Outcome = z.enum(['approved', 'rejected', 'cancelled', 'sent', 'failed']);

const DossierEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('contract_started'), at: Instant, contractId: Uuid, title: z.string() }),
    z.object({ type: z.literal('ask'), at: Instant, askId: Uuid, sentence: z.string().nullable() }),
    z.object({
      type: z.literal('ask_answered'),
      at: Instant,
      askId: Uuid,
      sentence: z.string().nullable(),
      latencyBusinessHours: z.number().nullable(),
      late: z.boolean(),
    }),
    z.object({
      type: z.literal('incident'),
      at: Instant,
      incidentId: Uuid,
      kind: z.string(),
      summary: z.string(),
      quotes: z.array(z.string()),
    }),
    z.object({ type: z.literal('invoice_issued'), at: Instant, invoiceId: Uuid, number: z.string(), amount: Money, dueOn: CalendarDay }),
    z.object({
      type: z.literal('invoice_record'),
      at: Instant,
      invoiceId: Uuid,
      number: z.string(),
      action: z.string(),
      detail: z.string().nullable(),
      by: Actor.nullable(),
    }),
    z.object({
      type: z.literal('payment'),
      at: Instant,
      paymentId: Uuid,
      invoiceId: Uuid,
      number: z.string(),
      amount: Money,
      paidOn: CalendarDay,
    }),
    z.object({ type: z.literal('email_drafted'), at: Instant, emailId: Uuid, kind: z.string(), subject: z.string(), by: Actor.nullable() }),
    z.object({
      type: z.literal('email_decision'),
      at: Instant,
      emailId: Uuid,
      kind: z.string(),
      subject: z.string(),
      outcome: Outcome,
      by: Actor.nullable(),
      reason: z.string().nullable(),
    }),
    z.object({
      type: z.literal('status_change'),
      at: Instant,
      action: z.string(),
      status: z.string().nullable(),
      reason: z.string().nullable(),
      by: Actor.nullable(),
    }),
    z.object({
      type: z.literal('work'),
      at: Instant,
      entryId: Uuid,
      doneOn: CalendarDay,
      title: z.string(),
      outcome: z.string().nullable(),
    }),
  ])
  .meta({ id: 'DossierEvent' });

const Dossier = z
  .object({
    generatedAt: Instant,
    client: z.object({
      id: Uuid,
      name: z.string(),
      status: z.enum(['active', 'paused', 'offboarding', 'former']),
      statusReason: z.string().nullable(),
      locale: z.string(),
      timezone: z.string(),
      createdAt: Instant,
    }),
    period: z.object({ from: Instant, to: Instant }),
    auditChain: z
      .discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), events: z.number().int() }),
        z.object({ ok: z.literal(false), brokenAtSeq: z.number().int(), reason: z.string() }),
      ])
      .describe("the workspace's audit chain recomputed for this answer"),
    contracts: z.array(
      z.object({
        id: Uuid,
        title: z.string(),
        startsOn: CalendarDay,
        endsOn: CalendarDay.nullable(),
        dueRule: z.object({ kind: z.enum(['day_of_month', 'net_days']), value: z.number().int() }),
        graceDays: z.number().int(),
        fee: Money.nullable(),
      }),
    ),
    events: z.array(DossierEvent).describe('everything on record, oldest first'),
    invoices: z.array(
      z.object({
        id: Uuid,
        number: z.string(),
        amount: Money,
        issuedOn: CalendarDay,
        dueOn: CalendarDay,
        paid: Money,
        status: z.enum(['open', 'overdue', 'paid']),
        paidOn: CalendarDay.nullable(),
        daysLate: z.number().int().nullable(),
        late: z.boolean(),
        disputedAt: Instant.nullable(),
        promisedPayOn: CalendarDay.nullable(),
        payments: z.array(z.object({ id: Uuid, amount: Money, paidOn: CalendarDay, reference: z.string(), source: z.string() })),
      }),
    ),
    incidents: z.array(
      z.object({
        id: Uuid,
        kind: z.string(),
        occurredAt: Instant,
        summary: z.string(),
        quotes: z.array(z.string()),
        note: z.string().nullable(),
      }),
    ),
    asks: z.array(
      z.object({
        id: Uuid,
        kind: z.string().nullable(),
        sentence: z.string().nullable(),
        status: z.enum(['open', 'answered', 'dismissed']),
        askedAt: Instant,
        dueAt: Instant,
        answeredAt: Instant.nullable(),
        latencyBusinessHours: z.number().nullable().describe("in the client's business hours; for an open ask, until now"),
        late: z.boolean(),
      }),
    ),
    emails: z.array(
      z.object({
        id: Uuid,
        kind: z.string(),
        subject: z.string(),
        state: z.enum(['pending_review', 'approved', 'sending', 'sent', 'rejected', 'cancelled', 'failed']),
        draftedAt: Instant,
        draftedBy: Actor.nullable(),
        decisions: z.array(z.object({ outcome: Outcome, at: Instant, by: Actor.nullable(), reason: z.string().nullable() })),
      }),
    ),
    statusChanges: z.array(
      z.object({
        at: Instant,
        action: z.string(),
        status: z.string().nullable(),
        reason: z.string().nullable(),
        by: Actor.nullable(),
        seq: z.number().int(),
      }),
    ),
    workLog: z.array(
      z.object({
        id: Uuid,
        doneOn: CalendarDay,
        title: z.string(),
        link: z.string().nullable(),
        outcome: z.string().nullable(),
        recordedBy: Actor.nullable(),
      }),
    ),
  })
  .meta({ id: 'ClientDossier' });

/* ------------------------------------------------------------------ route */

const DossierQuery = z.object({
  format: z.enum(['json', 'html', 'pdf']).default('json'),
  locale: z.enum(DOSSIER_LOCALES).optional().describe("the language of the HTML and PDF; default: the client's"),
});

/** "Kővári Zsűri Kft." → "kovari-zsuri-kft": a file name any system can keep. */
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'client';
}

/** The client's calendar day of `at` (YYYY-MM-DD); UTC's for a zone the runtime does not know. */
function dayIn(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/**
 * The client's dossier (issue 7): the whole record in time, with the audit chain's verification
 * at its top, as JSON (default), a printable HTML page or a PDF. Never cached: it is one
 * workspace's record and changes with every event.
 */
export async function dossierRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/clients/:clientId/dossier',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's dossier: the whole record, oldest first, with the audit chain's verification",
        description:
          '`format=json` (default) answers the dossier as data; `format=html` a self-contained printable page, served as ' +
          `text/html with \`Content-Security-Policy: ${DOSSIER_CSP}\`; \`format=pdf\` a PDF attachment ` +
          '(`dossier-<client>-<date>.pdf`). Every format is `cache-control: private, no-store`.',
        params: z.object({ clientId: Uuid }),
        querystring: DossierQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: Dossier },
              'text/html': { schema: z.string().describe('the dossier as one HTML document (inline CSS, no scripts)') },
              'application/pdf': { schema: z.string().meta({ format: 'binary' }).describe('the dossier as a PDF (A4)') },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const now = deps.clock.now();
      const dossier = await clientDossier(deps.db, workspaceId, request.params.clientId, now);
      if (!dossier) throw new NotFound('no such client in this workspace');
      const { format } = request.query;
      const locale = request.query.locale ?? (isDossierLocale(dossier.client.locale) ? dossier.client.locale : 'en');
      // One URL, a different record per workspace and caller: no cache may keep it. Vary is
      // added to, not replaced: CORS may already vary on Origin.
      const vary = reply.getHeader('vary');
      reply
        .header('cache-control', 'private, no-store')
        .header('vary', [...(vary === undefined ? [] : [String(vary)]), 'Authorization', 'Cookie'].join(', '));
      if (format === 'html') {
        return reply.header('content-security-policy', DOSSIER_CSP).type('text/html; charset=utf-8').send(dossierHtml(dossier, locale));
      }
      if (format === 'pdf') {
        const file = `dossier-${slugOf(dossier.client.name)}-${dayIn(now, dossier.client.timezone)}.pdf`;
        const pdf = await dossierPdf(dossier, locale);
        // Fastify sends a Buffer as it is; the type provider types send() by the schemas, which describe the PDF as a binary string.
        return reply
          .header('content-disposition', `attachment; filename="${file}"`)
          .type('application/pdf')
          .send(pdf as unknown as string);
      }
      return reply.type('application/json; charset=utf-8').send(dossier);
    },
  );
}
