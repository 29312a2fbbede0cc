import { validateWorkingCalendar } from '@firmly/core';
import {
  type ClientDetail,
  type ClientFields,
  clientCharts,
  clientExists,
  clientTimeline,
  createClient,
  listClientAsks,
  listClients,
  loadClientDetail,
  loadClientInvoiceViews,
  schema,
  updateClient,
} from '@firmly/db';
import { requestEscalation } from '@firmly/queue';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { NotFound } from '../errors';
import { CalendarDay, commonErrors, IdParams, Instant, isoOrNull, PageQuery, Problem, pageOf, Uuid, z } from '../http/schemas';
import { principalOf } from '../plugins/auth';
import { CurrencyCode, Invoice, invoiceOut, MinorInput, raise } from './invoices';

/* ------------------------------------------------------------------ input */

/** An IANA zone the analysis and the ladders can compute with (the same check they make). */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => validateWorkingCalendar({ ...schema.defaultWorkingCalendar, timezone: zone }).length === 0, 'not an IANA time zone')
  .describe('IANA zone, e.g. Europe/Budapest');

/** "daysOff[2]" (the calendar check's field names) as a path under the calendar: ["daysOff", 2]. */
const calendarPath = (field: string) =>
  field.split(/[[\].]/).flatMap((part) => (part === '' ? [] : [/^\d+$/.test(part) ? Number(part) : part]));

const WorkingCalendarInput = z
  .strictObject({
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('ISO weekdays: 1 = Monday … 7 = Sunday'),
    startsAt: z.string().describe('local HH:MM'),
    endsAt: z.string().describe('local HH:MM, after startsAt (24:00 allowed)'),
    country: z.string().min(2).max(8).optional().describe("ISO 3166-1 alpha-2 ('HU'), for public holidays"),
    daysOff: z.array(CalendarDay).max(366).optional().describe("the operator's own days off"),
  })
  .superRefine((calendar, context) => {
    // The zone is checked on its own field; the rest of the calendar against core's rules.
    for (const problem of validateWorkingCalendar({ ...calendar, timezone: 'UTC' })) {
      context.addIssue({ code: 'custom', message: problem.message, path: calendarPath(problem.field) });
    }
  });

const Contact = z.strictObject({
  address: z.email().max(320),
  name: z.string().trim().min(1).max(200).nullable().optional(),
});

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'expected a mail domain such as example.com');

const ContractInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    startsOn: CalendarDay,
    endsOn: CalendarDay.nullable().optional(),
    dueRule: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('day_of_month'), value: z.number().int().min(1).max(31) }),
      z.strictObject({ kind: z.literal('net_days'), value: z.number().int().min(0).max(365) }),
    ]),
    graceDays: z.number().int().min(0).max(90).optional().describe('days after the due day before a payment counts as late (default 1)'),
    feeMinor: MinorInput.nullable().optional().describe('the recurring fee, in minor units'),
    currency: CurrencyCode,
  })
  .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, { message: 'the contract cannot end before it starts', path: ['endsOn'] });

const clientFields = {
  name: z.string().trim().min(1).max(200),
  locale: z.enum(['en', 'hu']).describe("the language of the client's emails"),
  timezone: TimeZone,
  workingCalendar: WorkingCalendarInput,
  contacts: z.array(Contact).max(100).describe("the client's addresses (replaces the list on PATCH)"),
  domains: z.array(Domain).max(50).describe('mail domains whose every address is the client (replaces the list on PATCH)'),
  contract: ContractInput.describe("the client's contract terms (PATCH changes the current contract in place)"),
  remindersPaused: z.boolean().describe('no payment reminders for this client'),
};

const ClientCreate = z.strictObject({
  ...clientFields,
  locale: clientFields.locale.default('en'),
  workingCalendar: clientFields.workingCalendar.optional(),
  contacts: clientFields.contacts.optional(),
  domains: clientFields.domains.optional(),
  contract: clientFields.contract.optional(),
  remindersPaused: clientFields.remindersPaused.optional(),
});

/** Every field optional; an empty patch changes nothing (and still answers 404 for an unknown client). */
const ClientPatch = z.strictObject(clientFields).partial();

/* ------------------------------------------------------------------ output */

const ClientListItem = z
  .object({
    id: Uuid,
    name: z.string(),
    status: z.enum(['active', 'paused', 'offboarding', 'former']),
    locale: z.string(),
    timezone: z.string(),
    controlScore: z.number().int().nullable().describe('from the latest analysis; null until the client is analysed'),
    openAsks: z.number().int().nullable(),
    overdueInvoices: z.number().int(),
    pendingDrafts: z.number().int().describe('drafts waiting in the review queue'),
  })
  .meta({ id: 'ClientListItem' });

const Contract = z
  .object({
    id: Uuid,
    title: z.string(),
    startsOn: CalendarDay,
    endsOn: CalendarDay.nullable(),
    dueRule: z.object({ kind: z.enum(['day_of_month', 'net_days']), value: z.number().int() }),
    graceDays: z.number().int(),
    feeMinor: z.string().nullable(),
    currency: z.string(),
  })
  .meta({ id: 'Contract' });

const ClientDetailSchema = ClientListItem.extend({
  statusReason: z.string().nullable(),
  statusChangedAt: Instant.nullable(),
  workingCalendar: z.object({
    workingDays: z.array(z.number().int()),
    startsAt: z.string(),
    endsAt: z.string(),
    country: z.string().optional(),
    daysOff: z.array(z.string()).optional(),
  }),
  contacts: z.array(z.object({ id: Uuid, address: z.string(), name: z.string().nullable() })),
  domains: z.array(z.string()),
  contract: Contract.nullable(),
  remindersPaused: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
}).meta({ id: 'Client' });

const Charts = z
  .object({
    answerLatencyByWeek: z
      .array(
        z.object({
          weekStart: CalendarDay.describe('Monday of the ISO week (client’s calendar) the asks were sent in'),
          medianHours: z.number(),
          p90Hours: z.number(),
          answered: z.number().int(),
        }),
      )
      .describe(
        "answered asks' latency, asked → answered, in business hours of the client's working calendar (working days and hours, public holidays); nearest-rank percentiles",
      ),
    daysLateByInvoice: z
      .array(
        z.object({ invoiceId: Uuid, number: z.string(), dueOn: CalendarDay, paidOn: CalendarDay.nullable(), daysLate: z.number().int() }),
      )
      .describe('paid invoices (days after due they were paid) and overdue ones (days past due so far), by due day'),
    controlScore: z.array(z.object({ day: CalendarDay, score: z.number().int() })).describe('one sample per local day'),
  })
  .meta({ id: 'ClientCharts' });

const Ask = z
  .object({
    id: Uuid,
    messageId: Uuid,
    threadId: Uuid,
    kind: z.string().nullable(),
    sentence: z.string().nullable(),
    askedAt: Instant,
    status: z.enum(['open', 'answered', 'dismissed']),
    answeredAt: Instant.nullable(),
    source: z.enum(['detected', 'operator']),
  })
  .meta({ id: 'Ask' });

const TimelineItem = z
  .object({
    at: Instant,
    type: z.enum(['incident', 'email', 'status', 'invoice', 'payment', 'ask']),
    title: z.string(),
    detail: z.string().nullable(),
    ref: z.string().describe('id of the incident, outgoing email, invoice, payment or ask; of the audit event for a status change'),
  })
  .meta({ id: 'TimelineItem' });

const clientParams = IdParams;

function clientOut(detail: ClientDetail): z.infer<typeof ClientDetailSchema> {
  const { client, contract } = detail;
  return {
    id: client.id,
    name: client.name,
    status: client.status,
    locale: client.locale,
    timezone: client.timezone,
    controlScore: detail.controlScore,
    openAsks: detail.openAsks,
    overdueInvoices: detail.overdueInvoices,
    pendingDrafts: detail.pendingDrafts,
    statusReason: client.statusReason,
    statusChangedAt: isoOrNull(client.statusChangedAt),
    workingCalendar: client.workingCalendar,
    contacts: detail.contacts,
    domains: detail.domains,
    contract: contract
      ? {
          id: contract.id,
          title: contract.title,
          startsOn: contract.startsOn,
          endsOn: contract.endsOn,
          dueRule: { kind: contract.dueRuleKind, value: contract.dueRuleValue },
          graceDays: contract.graceDays,
          feeMinor: contract.feeMinor === null ? null : contract.feeMinor.toString(),
          currency: contract.currency,
        }
      : null,
    remindersPaused: detail.remindersPaused,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}

/**
 * Clients and their record under /v1: the list with its counts, create and change (contacts,
 * domains, calendar, contract, reminders), and per client its charts, asks, invoices and
 * timeline. (Health and incidents are served by routes/analysis.ts.) Another workspace's
 * client id answers 404 everywhere, as an unknown one does.
 */
export async function clientRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  async function detailOf(workspaceId: string, clientId: string) {
    const detail = await loadClientDetail(deps.db, workspaceId, clientId, deps.clock.now());
    if (!detail) throw new NotFound('no such client in this workspace');
    return clientOut(detail);
  }

  async function requireClient(workspaceId: string, clientId: string) {
    if (!(await clientExists(deps.db, workspaceId, clientId))) throw new NotFound('no such client in this workspace');
  }

  typed.get(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: 'The clients, by name, with their counts',
        querystring: PageQuery.extend({ status: z.enum(['active', 'paused', 'offboarding', 'former']).optional() }),
        response: { 200: pageOf(ClientListItem), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const page = await listClients(deps.db, workspaceId, { ...request.query, now: deps.clock.now() });
      if (!page.ok) raise(page, 'querystring');
      return {
        items: page.items.map((c) => ({
          id: c.id,
          name: c.name,
          status: c.status,
          locale: c.locale,
          timezone: c.timezone,
          controlScore: c.controlScore,
          openAsks: c.openAsks,
          overdueInvoices: c.overdueInvoices,
          pendingDrafts: c.pendingDrafts,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  typed.post(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: 'Add a client',
        body: ClientCreate,
        response: { 201: ClientDetailSchema, 409: Problem, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const written = await createClient(deps.db, workspaceId, request.body, { now: deps.clock.now(), operatorId });
      if (!written.ok) raise(written);
      return reply.status(201).send(await detailOf(workspaceId, written.clientId));
    },
  );

  typed.get(
    '/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary: 'One client with its contacts, domains and contract',
        params: clientParams,
        response: { 200: ClientDetailSchema, ...commonErrors },
      },
    },
    async (request) => detailOf(principalOf(request).workspaceId, request.params.id),
  );

  typed.patch(
    '/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary: 'Change a client: the fields given replace what was there',
        params: clientParams,
        body: ClientPatch,
        response: { 200: ClientDetailSchema, 409: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const fields: ClientFields = request.body;
      const written = await updateClient(deps.db, workspaceId, request.params.id, fields, { now: deps.clock.now(), operatorId });
      if (!written.ok) raise(written);
      if (written.changed.length === 0) return detailOf(workspaceId, written.clientId);
      // Reminders paused, a new calendar or zone, new contract terms: any of them moves the ladders' next step.
      await requestEscalation(deps.queues, workspaceId, written.clientId);
      return detailOf(workspaceId, written.clientId);
    },
  );

  typed.get(
    '/clients/:id/charts',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's charts: answer latency per week, days late per invoice, control score per day",
        params: clientParams,
        querystring: z.object({ weeks: z.coerce.number().int().min(1).max(104).default(26).describe('how far back') }),
        response: { 200: Charts, ...commonErrors },
      },
    },
    async (request) => {
      const charts = await clientCharts(deps.db, principalOf(request).workspaceId, request.params.id, {
        now: deps.clock.now(),
        weeks: request.query.weeks,
      });
      if (!charts) throw new NotFound('no such client in this workspace');
      return charts;
    },
  );

  typed.get(
    '/clients/:id/asks',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's asks, newest first (at most 500)",
        params: clientParams,
        querystring: z.object({ status: z.enum(['open', 'answered', 'dismissed']).optional() }),
        response: { 200: z.object({ items: z.array(Ask) }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      await requireClient(workspaceId, request.params.id);
      const rows = await listClientAsks(deps.db, workspaceId, request.params.id, request.query.status);
      return {
        items: rows.map((a) => ({
          id: a.id,
          messageId: a.messageId,
          threadId: a.threadId,
          kind: a.kind,
          sentence: a.sentence,
          askedAt: a.askedAt.toISOString(),
          status: a.status,
          answeredAt: isoOrNull(a.answeredAt),
          source: a.source,
        })),
      };
    },
  );

  typed.get(
    '/clients/:id/invoices',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's invoices with their standing, latest due first",
        params: clientParams,
        response: { 200: z.object({ items: z.array(Invoice) }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      await requireClient(workspaceId, request.params.id);
      const views = await loadClientInvoiceViews(deps.db, workspaceId, request.params.id, deps.clock.now());
      return { items: views.reverse().map(invoiceOut) };
    },
  );

  typed.get(
    '/clients/:id/timeline',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's record in time: incidents, emails, status changes, invoices, payments, asks; newest first (at most 200)",
        params: clientParams,
        response: { 200: z.object({ items: z.array(TimelineItem) }), ...commonErrors },
      },
    },
    async (request) => {
      const entries = await clientTimeline(deps.db, principalOf(request).workspaceId, request.params.id);
      if (!entries) throw new NotFound('no such client in this workspace');
      return { items: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
}
