/**
 * Ending a relationship (PRODUCT §4.4), as records: the operator starts it with reasons chosen
 * from the client's documented incidents (the client becomes `offboarding`), the worker drafts
 * the termination letter and the closing report into the review queue, and once both are sent
 * the operator completes it (the client becomes `former`: monitoring and ladders stop, the
 * record stays). Cancelling withdraws unsent letters and makes the client `active` again.
 * Every step writes its audit events in its own transaction.
 */
import { canChangeClientStatus } from '@firmly/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database, Executor } from '../client';
import { clients } from '../schema/clients';
import { incidents } from '../schema/incidents';
import { type OffboardingReason, offboardings } from '../schema/offboardings';
import { outgoingEmails } from '../schema/outgoing-emails';
import { changeClientStatus } from './client-status';

export type OffboardingRow = typeof offboardings.$inferSelect;
export type { OffboardingReason };

export type OffboardingProblem =
  | { ok: false; problem: 'not_found'; detail: string }
  | { ok: false; problem: 'invalid'; field: string; detail: string }
  | { ok: false; problem: 'conflict'; detail: string };

export type OffboardingResult = { ok: true; offboarding: OffboardingRow } | OffboardingProblem;

const notFound = (detail: string): OffboardingProblem => ({ ok: false, problem: 'not_found', detail });
const conflict = (detail: string): OffboardingProblem => ({ ok: false, problem: 'conflict', detail });

export interface StartOffboarding {
  workspaceId: string;
  clientId: string;
  operatorId: string;
  incidentIds: readonly string[];
  endsOn: string;
  now: Date;
}

async function lockClient(tx: Executor, workspaceId: string, clientId: string) {
  const [client] = await tx
    .select({ id: clients.id, status: clients.status })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
    .for('update');
  return client;
}

/** Starts it: the reasons are the client's own incidents, copied as they read now (the letter quotes them). */
export async function startOffboarding(db: Database, input: StartOffboarding, actor: string): Promise<OffboardingResult> {
  return db.transaction(async (tx) => {
    const client = await lockClient(tx, input.workspaceId, input.clientId);
    if (!client) return notFound(`no client ${input.clientId} in this workspace`);
    if (!canChangeClientStatus(client.status, 'offboarding')) {
      return conflict(
        client.status === 'offboarding'
          ? 'an offboarding of this client is already in progress'
          : `a ${client.status} client cannot be offboarded`,
      );
    }
    const ids = [...new Set(input.incidentIds)];
    const chosen = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.workspaceId, input.workspaceId), eq(incidents.clientId, input.clientId), inArray(incidents.id, ids)))
      .orderBy(incidents.occurredAt);
    if (chosen.length !== ids.length) {
      const known = new Set(chosen.map((incident) => incident.id));
      const unknown = ids.filter((id) => !known.has(id));
      return { ok: false, problem: 'invalid', field: 'incidentIds', detail: `not incidents of this client: ${unknown.join(', ')}` };
    }
    const reasons: OffboardingReason[] = chosen.map((incident) => ({
      incidentId: incident.id,
      kind: incident.kind,
      summary: incident.summary,
      occurredAt: incident.occurredAt.toISOString(),
    }));
    const [row] = await tx
      .insert(offboardings)
      .values({
        workspaceId: input.workspaceId,
        clientId: input.clientId,
        reasons,
        endsOn: input.endsOn,
        startedBy: input.operatorId,
        createdAt: input.now,
      })
      .returning();
    if (!row) throw new Error('offboarding insert returned no row');
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: 'offboarding.started',
      subjectType: 'client',
      subjectId: input.clientId,
      data: { offboardingId: row.id, incidentIds: ids, endsOn: input.endsOn },
      occurredAt: input.now,
    });
    await changeClientStatus(tx, {
      workspaceId: input.workspaceId,
      clientId: input.clientId,
      status: 'offboarding',
      reason: 'offboarding started by the operator',
      actor,
      now: input.now,
    });
    return { ok: true, offboarding: row };
  });
}

/** The client's latest offboarding, whatever its state. */
export async function latestOffboarding(db: Executor, workspaceId: string, clientId: string): Promise<OffboardingRow | undefined> {
  const [row] = await db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.workspaceId, workspaceId), eq(offboardings.clientId, clientId)))
    .orderBy(desc(offboardings.createdAt))
    .limit(1);
  return row;
}

/** The worker, once it has drafted the letters (each once: their idempotency keys). */
export async function recordOffboardingLetters(
  tx: Executor,
  offboarding: OffboardingRow,
  letters: { terminationEmailId: string | null; closingReportEmailId: string | null },
): Promise<void> {
  await tx
    .update(offboardings)
    .set({
      terminationEmailId: offboarding.terminationEmailId ?? letters.terminationEmailId,
      closingReportEmailId: offboarding.closingReportEmailId ?? letters.closingReportEmailId,
    })
    .where(and(eq(offboardings.workspaceId, offboarding.workspaceId), eq(offboardings.id, offboarding.id)));
}

async function lockOpen(tx: Executor, workspaceId: string, clientId: string) {
  const [row] = await tx
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.workspaceId, workspaceId), eq(offboardings.clientId, clientId), eq(offboardings.state, 'in_progress')))
    .for('update');
  return row;
}

async function letterStates(tx: Executor, row: OffboardingRow) {
  const ids = [row.terminationEmailId, row.closingReportEmailId].filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map<string, string>();
  const emails = await tx
    .select({ id: outgoingEmails.id, state: outgoingEmails.state })
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.workspaceId, row.workspaceId), inArray(outgoingEmails.id, ids)));
  return new Map(emails.map((email) => [email.id, email.state]));
}

/** Completes it once both letters are sent: the client becomes `former`. */
export async function completeOffboarding(
  db: Database,
  input: { workspaceId: string; clientId: string; now: Date },
  actor: string,
): Promise<OffboardingResult> {
  return db.transaction(async (tx) => {
    const client = await lockClient(tx, input.workspaceId, input.clientId);
    if (!client) return notFound(`no client ${input.clientId} in this workspace`);
    const row = await lockOpen(tx, input.workspaceId, input.clientId);
    if (!row) return conflict('no offboarding of this client is in progress');
    const states = await letterStates(tx, row);
    const unsent = [
      ['termination letter', row.terminationEmailId],
      ['closing report', row.closingReportEmailId],
    ].filter(([, id]) => !id || states.get(id) !== 'sent');
    if (unsent.length > 0) {
      return conflict(`it completes once both letters are sent; not sent yet: ${unsent.map(([name]) => name).join(', ')}`);
    }
    const [done] = await tx
      .update(offboardings)
      .set({ state: 'completed', completedAt: input.now })
      .where(and(eq(offboardings.workspaceId, input.workspaceId), eq(offboardings.id, row.id)))
      .returning();
    if (!done) throw new Error('offboarding update returned no row');
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: 'offboarding.completed',
      subjectType: 'client',
      subjectId: input.clientId,
      data: { offboardingId: row.id },
      occurredAt: input.now,
    });
    await changeClientStatus(tx, {
      workspaceId: input.workspaceId,
      clientId: input.clientId,
      status: 'former',
      reason: 'the relationship ended',
      actor,
      now: input.now,
    });
    return { ok: true, offboarding: done };
  });
}

/** Cancels it: letters not yet sent are withdrawn (a sent one stays sent), and the client is `active` again. */
export async function cancelOffboarding(
  db: Database,
  input: { workspaceId: string; clientId: string; now: Date },
  actor: string,
): Promise<OffboardingResult & { withdrawn?: string[] }> {
  return db.transaction(async (tx) => {
    const client = await lockClient(tx, input.workspaceId, input.clientId);
    if (!client) return notFound(`no client ${input.clientId} in this workspace`);
    const row = await lockOpen(tx, input.workspaceId, input.clientId);
    if (!row) return conflict('no offboarding of this client is in progress');
    const ids = [row.terminationEmailId, row.closingReportEmailId].filter((id): id is string => id !== null);
    const withdrawn =
      ids.length === 0
        ? []
        : await tx
            .update(outgoingEmails)
            .set({ state: 'cancelled', stateReason: 'the offboarding was cancelled' })
            .where(
              and(
                eq(outgoingEmails.workspaceId, input.workspaceId),
                inArray(outgoingEmails.id, ids),
                inArray(outgoingEmails.state, ['pending_review', 'approved']),
              ),
            )
            .returning({ id: outgoingEmails.id });
    for (const email of withdrawn) {
      await appendAuditEvent(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: 'email.cancelled',
        subjectType: 'outgoing_email',
        subjectId: email.id,
        data: { reason: 'the offboarding was cancelled' },
        occurredAt: input.now,
      });
    }
    const [cancelled] = await tx
      .update(offboardings)
      .set({ state: 'cancelled', cancelledAt: input.now })
      .where(and(eq(offboardings.workspaceId, input.workspaceId), eq(offboardings.id, row.id)))
      .returning();
    if (!cancelled) throw new Error('offboarding update returned no row');
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: 'offboarding.cancelled',
      subjectType: 'client',
      subjectId: input.clientId,
      data: { offboardingId: row.id, withdrawn: withdrawn.map((email) => email.id) },
      occurredAt: input.now,
    });
    if (client.status === 'offboarding') {
      await changeClientStatus(tx, {
        workspaceId: input.workspaceId,
        clientId: input.clientId,
        status: 'active',
        reason: 'the offboarding was cancelled',
        actor,
        now: input.now,
      });
    }
    return { ok: true, offboarding: cancelled, withdrawn: withdrawn.map((email) => email.id) };
  });
}
