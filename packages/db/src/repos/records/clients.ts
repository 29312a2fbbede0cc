import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { clientContacts } from '../../schema/client-contacts';
import { clientDomains } from '../../schema/client-domains';
import { clients, type WorkingCalendar } from '../../schema/clients';
import { contracts } from '../../schema/contracts';
import { type ClientCounts, clientCounts } from './client-summary';
import { actorOf, conflict, decodeCursor, encodeCursor, invalid, notFound, type RecordContext, type RecordProblem, UUID } from './common';
import { currentContract } from './invoices';

type ClientRow = typeof clients.$inferSelect;
type ContractRow = typeof contracts.$inferSelect;

export interface ContactInput {
  address: string;
  name?: string | null | undefined;
}

export interface ContractInput {
  title: string;
  startsOn: string;
  endsOn?: string | null | undefined;
  dueRule: { kind: 'day_of_month' | 'net_days'; value: number };
  graceDays?: number | undefined;
  feeMinor?: bigint | null | undefined;
  currency: string;
}

/** What the operator sets on a client; on an update, a field left out stays as it is, a list given replaces the old one. */
export interface ClientFields {
  name?: string | undefined;
  locale?: string | undefined;
  timezone?: string | undefined;
  workingCalendar?: WorkingCalendar | undefined;
  contacts?: ContactInput[] | undefined;
  domains?: string[] | undefined;
  contract?: ContractInput | undefined;
  remindersPaused?: boolean | undefined;
}

export interface ClientDetail extends ClientCounts {
  client: ClientRow;
  remindersPaused: boolean;
  contacts: Array<{ id: string; address: string; name: string | null }>;
  domains: string[];
  contract: ContractRow | null;
}

export type ClientWrite = { ok: true; clientId: string; changed: string[] } | RecordProblem;

const remindersPausedOf = (client: ClientRow) => client.settings.remindersPaused === true;

export async function createClient(
  db: Database,
  workspaceId: string,
  fields: ClientFields & { name: string; timezone: string },
  context: RecordContext,
): Promise<ClientWrite> {
  return db
    .transaction(async (tx): Promise<ClientWrite> => {
      const [row] = await tx
        .insert(clients)
        .values({
          workspaceId,
          name: fields.name,
          timezone: fields.timezone,
          ...(fields.locale ? { locale: fields.locale } : {}),
          ...(fields.workingCalendar ? { workingCalendar: fields.workingCalendar } : {}),
          settings: fields.remindersPaused ? { remindersPaused: true } : {},
        })
        .returning({ id: clients.id });
      if (!row) throw new Error('client insert returned no row');
      const related = await writeRelated(tx, workspaceId, row.id, fields);
      if (!related.ok) throw new RolledBack(related);
      await appendAuditEvent(tx, {
        workspaceId,
        actor: actorOf(context),
        action: 'client.created',
        subjectType: 'client',
        subjectId: row.id,
        data: { name: fields.name, fields: presentFields(fields) },
        occurredAt: context.now,
      });
      return { ok: true, clientId: row.id, changed: presentFields(fields) };
    })
    .catch(unwrapRollback);
}

export async function updateClient(
  db: Database,
  workspaceId: string,
  clientId: string,
  fields: ClientFields,
  context: RecordContext,
): Promise<ClientWrite> {
  return db
    .transaction(async (tx): Promise<ClientWrite> => {
      const [current] = await tx
        .select()
        .from(clients)
        .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
        .for('update');
      if (!current) return notFound('no such client in this workspace');
      const changed = presentFields(fields);
      if (changed.length === 0) return { ok: true, clientId, changed };
      // Settings change by a jsonb merge: the rest of them (the playbook) stays as it is.
      const set: Partial<Omit<typeof clients.$inferInsert, 'settings'>> & { settings?: SQL } = {};
      if (fields.name !== undefined) set.name = fields.name;
      if (fields.locale !== undefined) set.locale = fields.locale;
      if (fields.timezone !== undefined) set.timezone = fields.timezone;
      if (fields.workingCalendar !== undefined) set.workingCalendar = fields.workingCalendar;
      const pauseChanged = fields.remindersPaused !== undefined && fields.remindersPaused !== remindersPausedOf(current);
      if (pauseChanged) set.settings = sql`${clients.settings} || ${JSON.stringify({ remindersPaused: fields.remindersPaused })}::jsonb`;
      if (Object.keys(set).length > 0) await tx.update(clients).set(set).where(eq(clients.id, clientId));
      const related = await writeRelated(tx, workspaceId, clientId, fields);
      if (!related.ok) throw new RolledBack(related);
      await appendAuditEvent(tx, {
        workspaceId,
        actor: actorOf(context),
        action: 'client.updated',
        subjectType: 'client',
        subjectId: clientId,
        data: { fields: changed },
        occurredAt: context.now,
      });
      // The same action setClientReminderPause records, so the record reads alike whichever way it was paused.
      if (pauseChanged) {
        await appendAuditEvent(tx, {
          workspaceId,
          actor: actorOf(context),
          action: fields.remindersPaused ? 'client.reminders_paused' : 'client.reminders_resumed',
          subjectType: 'client',
          subjectId: clientId,
          data: {},
          occurredAt: context.now,
        });
      }
      return { ok: true, clientId, changed };
    })
    .catch(unwrapRollback);
}

function presentFields(fields: ClientFields): string[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}

/**
 * Carries a problem out of a transaction that must not commit: the client row is written
 * before its contacts are checked, so a conflict there has to undo it. Throwing is how a
 * drizzle transaction rolls back; the problem is unwrapped outside.
 */
class RolledBack extends Error {
  constructor(readonly problem: RecordProblem) {
    super(problem.detail);
  }
}

function unwrapRollback(error: unknown): RecordProblem {
  if (error instanceof RolledBack) return error.problem;
  throw error;
}

async function writeRelated(
  tx: Executor,
  workspaceId: string,
  clientId: string,
  fields: ClientFields,
): Promise<{ ok: true } | RecordProblem> {
  if (fields.contacts !== undefined) {
    const problem = await replaceContacts(tx, workspaceId, clientId, fields.contacts);
    if (problem) return problem;
  }
  if (fields.domains !== undefined) {
    const problem = await replaceDomains(tx, workspaceId, clientId, fields.domains);
    if (problem) return problem;
  }
  if (fields.contract !== undefined) await saveContract(tx, workspaceId, clientId, fields.contract);
  return { ok: true };
}

/**
 * An address belongs to one client of the workspace (mail is matched to clients by it), so
 * one already held by another client is a conflict naming the entry, not a silent move.
 */
async function replaceContacts(tx: Executor, workspaceId: string, clientId: string, contacts: ContactInput[]) {
  const seen = new Map<string, number>();
  for (const [index, contact] of contacts.entries()) {
    const key = contact.address.trim().toLowerCase();
    if (seen.has(key)) return invalid(`${contact.address} is listed twice`, `contacts.${index}.address`);
    seen.set(key, index);
  }
  if (contacts.length > 0) {
    const taken = await tx
      .select({ address: clientContacts.address, clientId: clientContacts.clientId })
      .from(clientContacts)
      .where(and(eq(clientContacts.workspaceId, workspaceId), inArray(sql`lower(${clientContacts.address})`, [...seen.keys()])));
    const other = taken.find((t) => t.clientId !== clientId);
    if (other) {
      const index = seen.get(other.address.toLowerCase()) ?? 0;
      return conflict(`${other.address} is already a contact of another client`, `contacts.${index}.address`);
    }
  }
  await tx.delete(clientContacts).where(and(eq(clientContacts.workspaceId, workspaceId), eq(clientContacts.clientId, clientId)));
  if (contacts.length > 0) {
    await tx
      .insert(clientContacts)
      .values(contacts.map((c) => ({ workspaceId, clientId, address: c.address.trim(), name: c.name ?? null })));
  }
  return undefined;
}

async function replaceDomains(tx: Executor, workspaceId: string, clientId: string, domains: string[]) {
  const seen = new Map<string, number>();
  for (const [index, domain] of domains.entries()) {
    const key = domain.trim().toLowerCase();
    if (seen.has(key)) return invalid(`${domain} is listed twice`, `domains.${index}`);
    seen.set(key, index);
  }
  if (domains.length > 0) {
    const taken = await tx
      .select({ domain: clientDomains.domain, clientId: clientDomains.clientId })
      .from(clientDomains)
      .where(and(eq(clientDomains.workspaceId, workspaceId), inArray(sql`lower(${clientDomains.domain})`, [...seen.keys()])));
    const other = taken.find((t) => t.clientId !== clientId);
    if (other) {
      const index = seen.get(other.domain.toLowerCase()) ?? 0;
      return conflict(`${other.domain} is already a domain of another client`, `domains.${index}`);
    }
  }
  await tx.delete(clientDomains).where(and(eq(clientDomains.workspaceId, workspaceId), eq(clientDomains.clientId, clientId)));
  if (domains.length > 0) {
    await tx.insert(clientDomains).values([...seen.keys()].map((domain) => ({ workspaceId, clientId, domain })));
  }
  return undefined;
}

/** The contract's terms change in place (invoices keep pointing at it); a client without one gets one. */
async function saveContract(tx: Executor, workspaceId: string, clientId: string, input: ContractInput) {
  const values = {
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    dueRuleKind: input.dueRule.kind,
    dueRuleValue: input.dueRule.value,
    graceDays: input.graceDays ?? 1,
    feeMinor: input.feeMinor ?? null,
    currency: input.currency,
  };
  const current = await currentContract(tx, workspaceId, clientId);
  if (current) await tx.update(contracts).set(values).where(eq(contracts.id, current.id));
  else await tx.insert(contracts).values({ ...values, workspaceId, clientId });
}

/** Is this a client of this workspace? (Another workspace's id answers no, as an unknown one does.) */
export async function clientExists(db: Executor, workspaceId: string, clientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  return row !== undefined;
}

export async function loadClientDetail(db: Executor, workspaceId: string, clientId: string, now: Date): Promise<ClientDetail | undefined> {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  if (!client) return undefined;
  const contacts = await db
    .select({ id: clientContacts.id, address: clientContacts.address, name: clientContacts.name })
    .from(clientContacts)
    .where(and(eq(clientContacts.workspaceId, workspaceId), eq(clientContacts.clientId, clientId)))
    .orderBy(asc(clientContacts.address));
  const domains = await db
    .select({ domain: clientDomains.domain })
    .from(clientDomains)
    .where(and(eq(clientDomains.workspaceId, workspaceId), eq(clientDomains.clientId, clientId)))
    .orderBy(asc(clientDomains.domain));
  const contract = (await currentContract(db, workspaceId, clientId)) ?? null;
  const counts = (await clientCounts(db, workspaceId, [clientId], now)).get(clientId);
  return {
    client,
    remindersPaused: remindersPausedOf(client),
    contacts,
    domains: domains.map((d) => d.domain),
    contract,
    controlScore: counts?.controlScore ?? null,
    openAsks: counts?.openAsks ?? null,
    overdueInvoices: counts?.overdueInvoices ?? 0,
    pendingDrafts: counts?.pendingDrafts ?? 0,
  };
}

export interface ClientListOptions {
  now: Date;
  limit: number;
  cursor?: string | undefined;
  status?: ClientRow['status'] | undefined;
}

export type ClientListPage = { ok: true; items: Array<ClientRow & ClientCounts>; nextCursor: string | null } | RecordProblem;

/** The workspace's clients by name (then id), keyset-paginated, each with its counts. */
export async function listClients(db: Executor, workspaceId: string, options: ClientListOptions): Promise<ClientListPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor, ['string', 'string']) : undefined;
  if (options.cursor && (!cursor || !UUID.test(String(cursor[1])))) return invalid('the cursor is not one this list handed out', 'cursor');
  const conditions: Array<SQL | undefined> = [eq(clients.workspaceId, workspaceId)];
  if (options.status) conditions.push(eq(clients.status, options.status));
  if (cursor) {
    const [name, id] = cursor.map(String) as [string, string];
    conditions.push(or(gt(clients.name, name), and(eq(clients.name, name), gt(clients.id, id))));
  }
  const rows = await db
    .select()
    .from(clients)
    .where(and(...conditions))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const counts = await clientCounts(
    db,
    workspaceId,
    page.map((c) => c.id),
    options.now,
  );
  const last = page.at(-1);
  return {
    ok: true,
    items: page.map((client) => ({
      ...client,
      ...(counts.get(client.id) ?? { controlScore: null, openAsks: null, overdueInvoices: 0, pendingDrafts: 0 }),
    })),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}
