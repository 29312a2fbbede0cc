import { handoverGuidanceFor } from '@firmly/core';
import {
  addManagedAccount,
  deleteWorkLogEntry,
  listManagedAccounts,
  listWorkLog,
  type ManagedAccountProblem,
  type ManagedAccountRow,
  recordWorkLogEntry,
  removeManagedAccount,
  schema,
  updateManagedAccount,
  updateWorkLogEntry,
  type WorkLogEntryRow,
} from '@firmly/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { HttpProblem } from '../errors';
import { CalendarDay, commonErrors, Instant, isoOrNull, PageQuery, Problem, pageOf, Uuid, z } from '../http/schemas';
import { principalOf } from '../plugins/auth';
import { raise } from './invoices';

/* ------------------------------------------------------------------ input */

const blankToNull = (value: string) => (value === '' ? null : value);

/** Free text that may be left empty: an empty (or blank) text is stored as none. */
const OptionalText = (max: number) => z.string().trim().max(max).transform(blankToNull);

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const Link = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => text === '' || isHttpUrl(text), 'expected an http(s) URL')
  .transform(blankToNull)
  .describe('where it can be seen: an http(s) URL');

const ClientParams = z.object({ clientId: Uuid });
const EntryParams = z.object({ clientId: Uuid, entryId: Uuid });
const AccountParams = z.object({ clientId: Uuid, accountId: Uuid });

const workLogFields = {
  doneOn: CalendarDay.describe('the day it was delivered; not a day still to come'),
  title: z.string().trim().min(1).max(300).describe('what was delivered, in a line'),
  link: Link.nullable(),
  outcome: OptionalText(2000).nullable().describe('what it achieved'),
};

const WorkLogCreate = z.strictObject({
  ...workLogFields,
  link: workLogFields.link.optional(),
  outcome: workLogFields.outcome.optional(),
});

/** Every field optional; null clears link or outcome; an empty patch changes nothing. */
const WorkLogPatch = z.strictObject(workLogFields).partial();

const accountFields = {
  handle: z.string().trim().min(1).max(300).describe('the handle, page name or URL that identifies it on the platform'),
  platform: z.enum(schema.managedAccountPlatforms),
  accessLevel: z.string().trim().min(1).max(100).describe("the operator's role there, in the platform's words (Admin, Full control)"),
  owner: z.enum(schema.accountOwners).describe('who owns the account itself'),
  handover: z
    .enum(schema.handoverSteps)
    .describe('how far the handover has gone: operator_access_removed only after ownership_transferred, or when the client owns it'),
  notes: OptionalText(2000).nullable(),
};

const ManagedAccountCreate = z.strictObject({
  ...accountFields,
  owner: accountFields.owner.optional().describe('who owns the account itself (default unknown)'),
  handover: accountFields.handover.optional().describe('default not_started'),
  notes: accountFields.notes.optional(),
});

/** Every field optional; null clears the notes; an empty patch changes nothing. */
const ManagedAccountPatch = z.strictObject(accountFields).partial();

/* ------------------------------------------------------------------ output */

const WorkLogEntry = z
  .object({
    id: Uuid,
    clientId: Uuid,
    doneOn: CalendarDay,
    title: z.string(),
    link: z.string().nullable(),
    outcome: z.string().nullable(),
    recordedBy: Uuid.nullable().describe('the operator who recorded it'),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'WorkLogEntry' });

const HandoverGuidance = z
  .object({
    locale: z.enum(['en', 'hu']).describe("the client's language, or en when there is no text in it"),
    steps: z.array(
      z.object({
        kind: z
          .enum(['give_client_ownership', 'check', 'remove_own_access'])
          .describe("the client's ownership comes first, the operator's own access is removed last"),
        text: z.string(),
      }),
    ),
  })
  .meta({ id: 'HandoverGuidance' });

const ManagedAccount = z
  .object({
    id: Uuid,
    clientId: Uuid,
    platform: z.enum(schema.managedAccountPlatforms),
    handle: z.string(),
    accessLevel: z.string(),
    owner: z.enum(schema.accountOwners),
    handover: z.enum(schema.handoverSteps),
    handoverChangedAt: Instant.nullable(),
    notes: z.string().nullable(),
    guidance: HandoverGuidance.describe("how to hand this platform's account over, step by step"),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'ManagedAccount' });

function workLogOut(entry: WorkLogEntryRow): z.infer<typeof WorkLogEntry> {
  return {
    id: entry.id,
    clientId: entry.clientId,
    doneOn: entry.doneOn,
    title: entry.title,
    link: entry.link,
    outcome: entry.outcome,
    recordedBy: entry.recordedBy,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

function accountOut(account: ManagedAccountRow, clientLocale: string): z.infer<typeof ManagedAccount> {
  return {
    id: account.id,
    clientId: account.clientId,
    platform: account.platform,
    handle: account.handle,
    accessLevel: account.accessLevel,
    owner: account.owner,
    handover: account.handover,
    handoverChangedAt: isoOrNull(account.handoverChangedAt),
    notes: account.notes,
    guidance: handoverGuidanceFor(account.platform, clientLocale),
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

/** A refused handover answers 409 with where the account stands, so the page can show it. */
function raiseAccountProblem(problem: ManagedAccountProblem): never {
  if (problem.problem === 'conflict' && problem.current) {
    throw new HttpProblem(409, 'Conflict', problem.detail, {
      invalidParams: [{ name: `body.${problem.field ?? 'handover'}`, reason: problem.detail }],
      current: problem.current,
    });
  }
  raise(problem);
}

/**
 * A client's work log (what was delivered and what it achieved) and the accounts the operator
 * runs for them, with each platform's handover steps in the client's language. Every change is
 * audited by its repo in the same transaction; another workspace's client, entry or account
 * answers 404.
 */
export async function clientRecordRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const contextOf = (operatorId: string) => ({ now: deps.clock.now(), operatorId });

  typed.get(
    '/clients/:clientId/work-log',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's work log, newest delivery first",
        params: ClientParams,
        querystring: PageQuery,
        response: { 200: pageOf(WorkLogEntry), ...commonErrors },
      },
    },
    async (request) => {
      const page = await listWorkLog(deps.db, principalOf(request).workspaceId, request.params.clientId, request.query);
      if (!page.ok) raise(page, 'querystring');
      return { items: page.items.map(workLogOut), nextCursor: page.nextCursor };
    },
  );

  typed.post(
    '/clients/:clientId/work-log',
    {
      schema: {
        tags: ['clients'],
        summary: 'Record what was delivered for the client',
        params: ClientParams,
        body: WorkLogCreate,
        response: { 201: WorkLogEntry, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const written = await recordWorkLogEntry(deps.db, workspaceId, request.params.clientId, request.body, contextOf(operatorId));
      if (!written.ok) raise(written);
      return reply.status(201).send(workLogOut(written.entry));
    },
  );

  typed.patch(
    '/clients/:clientId/work-log/:entryId',
    {
      schema: {
        tags: ['clients'],
        summary: 'Change a work log entry: the fields given replace what was there',
        params: EntryParams,
        body: WorkLogPatch,
        response: { 200: WorkLogEntry, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { clientId, entryId } = request.params;
      const written = await updateWorkLogEntry(deps.db, workspaceId, clientId, entryId, request.body, contextOf(operatorId));
      if (!written.ok) raise(written);
      return workLogOut(written.entry);
    },
  );

  typed.delete(
    '/clients/:clientId/work-log/:entryId',
    {
      schema: {
        tags: ['clients'],
        summary: 'Delete a work log entry (the audit log keeps what it said)',
        params: EntryParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { clientId, entryId } = request.params;
      const deleted = await deleteWorkLogEntry(deps.db, workspaceId, clientId, entryId, contextOf(operatorId));
      if (!deleted.ok) raise(deleted);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    '/clients/:clientId/managed-accounts',
    {
      schema: {
        tags: ['clients'],
        summary: 'The accounts run for the client, by platform then handle, each with its handover steps',
        params: ClientParams,
        querystring: PageQuery,
        response: { 200: pageOf(ManagedAccount), ...commonErrors },
      },
    },
    async (request) => {
      const page = await listManagedAccounts(deps.db, principalOf(request).workspaceId, request.params.clientId, request.query);
      if (!page.ok) raise(page, 'querystring');
      return { items: page.items.map((account) => accountOut(account, page.clientLocale)), nextCursor: page.nextCursor };
    },
  );

  typed.post(
    '/clients/:clientId/managed-accounts',
    {
      schema: {
        tags: ['clients'],
        summary: 'Add an account run for the client',
        params: ClientParams,
        body: ManagedAccountCreate,
        response: { 201: ManagedAccount, 409: Problem, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const written = await addManagedAccount(deps.db, workspaceId, request.params.clientId, request.body, contextOf(operatorId));
      if (!written.ok) raiseAccountProblem(written);
      return reply.status(201).send(accountOut(written.account, written.clientLocale));
    },
  );

  typed.patch(
    '/clients/:clientId/managed-accounts/:accountId',
    {
      schema: {
        tags: ['clients'],
        summary: "Change an account or move its handover on (the client's ownership first, the operator's access removed last)",
        params: AccountParams,
        body: ManagedAccountPatch,
        response: { 200: ManagedAccount, 409: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { clientId, accountId } = request.params;
      const written = await updateManagedAccount(deps.db, workspaceId, clientId, accountId, request.body, contextOf(operatorId));
      if (!written.ok) raiseAccountProblem(written);
      return accountOut(written.account, written.clientLocale);
    },
  );

  typed.delete(
    '/clients/:clientId/managed-accounts/:accountId',
    {
      schema: {
        tags: ['clients'],
        summary: 'Remove an account from the client’s record (the audit log keeps it)',
        params: AccountParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { clientId, accountId } = request.params;
      const removed = await removeManagedAccount(deps.db, workspaceId, clientId, accountId, contextOf(operatorId));
      if (!removed.ok) raise(removed);
      return reply.status(204).send(null);
    },
  );
}
