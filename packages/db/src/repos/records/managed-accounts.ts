import { checkHandoverChange } from '@firmly/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { clients } from '../../schema/clients';
import { managedAccountPlatforms, managedAccounts } from '../../schema/managed-accounts';
import { actorOf, conflict, decodeCursor, encodeCursor, invalid, notFound, type RecordContext, type RecordProblem, UUID } from './common';

export type ManagedAccountRow = typeof managedAccounts.$inferSelect;
type Platform = ManagedAccountRow['platform'];

/** What the operator sets on an account; on an update a field left out stays, null clears the notes. */
export interface ManagedAccountFields {
  platform?: Platform | undefined;
  handle?: string | undefined;
  accessLevel?: string | undefined;
  owner?: ManagedAccountRow['owner'] | undefined;
  handover?: ManagedAccountRow['handover'] | undefined;
  notes?: string | null | undefined;
}

export type NewManagedAccount = ManagedAccountFields & { platform: Platform; handle: string; accessLevel: string };

/** A refusal of the handover order carries where the account stands, for the 409. */
export type ManagedAccountProblem = RecordProblem & {
  current?: { owner: ManagedAccountRow['owner']; handover: ManagedAccountRow['handover'] };
};

/** `clientLocale`: the language the account's handover guidance is shown in. */
export type ManagedAccountWrite = { ok: true; account: ManagedAccountRow; clientLocale: string; changed: string[] } | ManagedAccountProblem;
export type ManagedAccountPage = { ok: true; items: ManagedAccountRow[]; clientLocale: string; nextCursor: string | null } | RecordProblem;

async function clientLocaleOf(db: Executor, workspaceId: string, clientId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ locale: clients.locale })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  return row?.locale;
}

const ofClient = (workspaceId: string, clientId: string) =>
  and(eq(managedAccounts.workspaceId, workspaceId), eq(managedAccounts.clientId, clientId));

/** The client's accounts by platform (in the platforms' order), then handle, keyset-paginated. */
export async function listManagedAccounts(
  db: Executor,
  workspaceId: string,
  clientId: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<ManagedAccountPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor, ['string', 'string', 'string']) : undefined;
  if (
    options.cursor &&
    (!cursor || !(managedAccountPlatforms as readonly string[]).includes(String(cursor[0])) || !UUID.test(String(cursor[2])))
  ) {
    return invalid('the cursor is not one this list handed out', 'cursor');
  }
  const clientLocale = await clientLocaleOf(db, workspaceId, clientId);
  if (clientLocale === undefined) return notFound('no such client in this workspace');
  const conditions: Array<SQL | undefined> = [ofClient(workspaceId, clientId)];
  if (cursor) {
    const [platform, handle, id] = cursor.map(String) as [string, string, string];
    // The enum compares in its declared order, as the list is sorted.
    conditions.push(
      sql`(${managedAccounts.platform}, ${managedAccounts.handle}, ${managedAccounts.id}) > (${platform}::managed_account_platform, ${handle}, ${id}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(managedAccounts)
    .where(and(...conditions))
    .orderBy(asc(managedAccounts.platform), asc(managedAccounts.handle), asc(managedAccounts.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    ok: true,
    items: page,
    clientLocale,
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.platform, last.handle, last.id]) : null,
  };
}

function handoverRefusal(current: Pick<ManagedAccountRow, 'owner' | 'handover'>, reason: string): ManagedAccountProblem {
  return { ...conflict(reason, 'handover'), current: { owner: current.owner, handover: current.handover } };
}

/** An account the operator runs for the client, audited; a handover given must keep the order from the start. */
export async function addManagedAccount(
  db: Database,
  workspaceId: string,
  clientId: string,
  input: NewManagedAccount,
  context: RecordContext,
): Promise<ManagedAccountWrite> {
  return db.transaction(async (tx): Promise<ManagedAccountWrite> => {
    const clientLocale = await clientLocaleOf(tx, workspaceId, clientId);
    if (clientLocale === undefined) return notFound('no such client in this workspace');
    const owner = input.owner ?? 'unknown';
    const handover = input.handover ?? 'not_started';
    const order = checkHandoverChange({ owner, handover: 'not_started' }, handover);
    if (!order.ok) return handoverRefusal({ owner, handover: 'not_started' }, order.reason);
    const [account] = await tx
      .insert(managedAccounts)
      .values({
        workspaceId,
        clientId,
        platform: input.platform,
        handle: input.handle,
        accessLevel: input.accessLevel,
        owner,
        handover,
        handoverChangedAt: handover === 'not_started' ? null : context.now,
        notes: input.notes ?? null,
      })
      .returning();
    if (!account) throw new Error('managed account insert returned no row');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'managed_account.added',
      subjectType: 'managed_account',
      subjectId: account.id,
      data: {
        clientId,
        platform: account.platform,
        handle: account.handle,
        accessLevel: account.accessLevel,
        owner: account.owner,
        handover: account.handover,
        notes: account.notes,
      },
      occurredAt: context.now,
    });
    return { ok: true, account, clientLocale, changed: [] };
  });
}

const detailFields = ['platform', 'handle', 'accessLevel', 'owner', 'notes'] as const;

/**
 * Changes the fields given. A new handover step is checked against the order under the row's
 * lock (owner as it will be after this change) and stamped with the time; it is audited as
 * its own event, the other fields as `managed_account.updated` with their before and after.
 */
export async function updateManagedAccount(
  db: Database,
  workspaceId: string,
  clientId: string,
  accountId: string,
  fields: ManagedAccountFields,
  context: RecordContext,
): Promise<ManagedAccountWrite> {
  return db.transaction(async (tx): Promise<ManagedAccountWrite> => {
    const [found] = await tx
      .select({ account: managedAccounts, clientLocale: clients.locale })
      .from(managedAccounts)
      .innerJoin(clients, and(eq(clients.workspaceId, managedAccounts.workspaceId), eq(clients.id, managedAccounts.clientId)))
      .where(and(ofClient(workspaceId, clientId), eq(managedAccounts.id, accountId)))
      .for('update', { of: managedAccounts });
    if (!found) return notFound('no such managed account for this client');
    const { account: current, clientLocale } = found;
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const field of detailFields) {
      const next = fields[field];
      if (next !== undefined && next !== current[field]) changes[field] = { from: current[field], to: next };
    }
    const handoverMoves = fields.handover !== undefined && fields.handover !== current.handover;
    if (fields.handover !== undefined && handoverMoves) {
      const order = checkHandoverChange({ owner: fields.owner ?? current.owner, handover: current.handover }, fields.handover);
      if (!order.ok) return handoverRefusal(current, order.reason);
    }
    const changed = [...Object.keys(changes), ...(handoverMoves ? ['handover'] : [])];
    if (changed.length === 0) return { ok: true, account: current, clientLocale, changed };
    const set: Partial<typeof managedAccounts.$inferInsert> = {};
    if (fields.platform !== undefined) set.platform = fields.platform;
    if (fields.handle !== undefined) set.handle = fields.handle;
    if (fields.accessLevel !== undefined) set.accessLevel = fields.accessLevel;
    if (fields.owner !== undefined) set.owner = fields.owner;
    if (fields.notes !== undefined) set.notes = fields.notes;
    if (handoverMoves) {
      set.handover = fields.handover;
      set.handoverChangedAt = context.now;
    }
    const [account] = await tx.update(managedAccounts).set(set).where(eq(managedAccounts.id, accountId)).returning();
    if (!account) throw new Error('managed account update returned no row');
    if (Object.keys(changes).length > 0) {
      await appendAuditEvent(tx, {
        workspaceId,
        actor: actorOf(context),
        action: 'managed_account.updated',
        subjectType: 'managed_account',
        subjectId: accountId,
        data: { clientId, changes },
        occurredAt: context.now,
      });
    }
    if (handoverMoves) {
      await appendAuditEvent(tx, {
        workspaceId,
        actor: actorOf(context),
        action: 'managed_account.handover_changed',
        subjectType: 'managed_account',
        subjectId: accountId,
        data: { clientId, platform: account.platform, handle: account.handle, from: current.handover, to: account.handover },
        occurredAt: context.now,
      });
    }
    return { ok: true, account, clientLocale, changed };
  });
}

export type ManagedAccountDelete = { ok: true } | RecordProblem;

/** Removes an account from the record; the audit event keeps what it was and how far its handover had gone. */
export async function removeManagedAccount(
  db: Database,
  workspaceId: string,
  clientId: string,
  accountId: string,
  context: RecordContext,
): Promise<ManagedAccountDelete> {
  return db.transaction(async (tx): Promise<ManagedAccountDelete> => {
    const [account] = await tx
      .delete(managedAccounts)
      .where(and(ofClient(workspaceId, clientId), eq(managedAccounts.id, accountId)))
      .returning();
    if (!account) return notFound('no such managed account for this client');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'managed_account.removed',
      subjectType: 'managed_account',
      subjectId: accountId,
      data: {
        clientId,
        platform: account.platform,
        handle: account.handle,
        accessLevel: account.accessLevel,
        owner: account.owner,
        handover: account.handover,
      },
      occurredAt: context.now,
    });
    return { ok: true };
  });
}
