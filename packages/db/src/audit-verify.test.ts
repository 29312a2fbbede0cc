import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '@firmly/core';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent, verifyAuditChain } from './audit';
import * as s from './schema/index';
import { useTestDatabase } from './testing/vitest';

const t = useTestDatabase();

/** A workspace whose chain holds `count` events appended the way the application appends them. */
async function workspaceWithEvents(count: number) {
  const [ws] = await t.db
    .insert(s.workspaces)
    .values({ slug: `ws-${randomUUID()}`, name: 'W' })
    .returning();
  if (!ws) throw new Error('no workspace');
  for (let n = 1; n <= count; n++) {
    await t.db.transaction((tx) =>
      appendAuditEvent(tx, {
        workspaceId: ws.id,
        actor: 'system:test',
        action: `step.${n}`,
        subjectType: 'client',
        subjectId: `c${n}`,
        data: { n },
        occurredAt: new Date(Date.UTC(2026, 10, 2, 9, n)),
      }),
    );
  }
  const events = await t.db.select().from(s.auditEvents).where(eq(s.auditEvents.workspaceId, ws.id)).orderBy(asc(s.auditEvents.seq));
  return { workspaceId: ws.id, events };
}

function eventAt<Event extends { seq: number }>(events: Event[], seq: number): Event {
  const event = events.find((candidate) => candidate.seq === seq);
  if (!event) throw new Error(`no event #${seq}`);
  return event;
}

/** What a DBA can do behind the application's back: switch the append-only trigger off, write, switch it on. */
async function asDba(statement: string, values: unknown[]) {
  const client = await t.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await client.query(statement, values);
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

describe('verifyAuditChain after tampering', () => {
  it('verifies an untouched chain and counts its events', async () => {
    const { workspaceId } = await workspaceWithEvents(4);
    expect(await verifyAuditChain(t.db, workspaceId)).toEqual({ ok: true, length: 4 });
  });

  it('names the event whose data was edited', async () => {
    const { workspaceId, events } = await workspaceWithEvents(5);
    const edited = eventAt(events, 3);
    await asDba(`UPDATE audit_events SET data = '{"n":30}' WHERE id = $1`, [edited.id]);
    expect(await verifyAuditChain(t.db, workspaceId)).toEqual({
      ok: false,
      length: 5,
      brokenAtSeq: 3,
      eventId: edited.id,
      reason: 'event content does not match its hash',
    });
  });

  it('names the event whose time was moved', async () => {
    const { workspaceId, events } = await workspaceWithEvents(5);
    const edited = eventAt(events, 4);
    // `occurredAt` is stored in the created_at column.
    await asDba(`UPDATE audit_events SET created_at = created_at - interval '1 day' WHERE id = $1`, [edited.id]);
    expect(await verifyAuditChain(t.db, workspaceId)).toEqual({
      ok: false,
      length: 5,
      brokenAtSeq: 4,
      eventId: edited.id,
      reason: 'event content does not match its hash',
    });
  });

  it('names the seq of a deleted middle event as missing, with no row to name', async () => {
    const { workspaceId, events } = await workspaceWithEvents(5);
    await asDba('DELETE FROM audit_events WHERE id = $1', [eventAt(events, 2).id]);
    expect(await verifyAuditChain(t.db, workspaceId)).toEqual({
      ok: false,
      length: 4,
      brokenAtSeq: 2,
      eventId: null,
      reason: 'missing event',
    });
  });

  it('names the next event when the forger also rehashes the edited one', async () => {
    const { workspaceId, events } = await workspaceWithEvents(4);
    const edited = eventAt(events, 2);
    // The forger knows the hashing scheme and rewrites row 2 consistently; row 3 still points at the old hash.
    const data = { n: 20 };
    const body = canonicalJson({
      workspaceId,
      actor: edited.actor,
      action: edited.action,
      subjectType: edited.subjectType,
      subjectId: edited.subjectId,
      data,
      occurredAt: edited.occurredAt,
      seq: edited.seq,
    });
    const hash = createHash('sha256').update(edited.prevHash).update(body).digest('hex');
    await asDba('UPDATE audit_events SET data = $2, hash = $3 WHERE id = $1', [edited.id, JSON.stringify(data), hash]);
    expect(await verifyAuditChain(t.db, workspaceId)).toEqual({
      ok: false,
      length: 4,
      brokenAtSeq: 3,
      eventId: eventAt(events, 3).id,
      reason: 'previous hash does not match',
    });
  });

  it("leaves another workspace's chain verifying", async () => {
    const tampered = await workspaceWithEvents(3);
    const untouched = await workspaceWithEvents(3);
    await asDba(`UPDATE audit_events SET actor = 'operator:someone-else' WHERE id = $1`, [eventAt(tampered.events, 1).id]);
    expect(await verifyAuditChain(t.db, tampered.workspaceId)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      eventId: eventAt(tampered.events, 1).id,
    });
    expect(await verifyAuditChain(t.db, untouched.workspaceId)).toEqual({ ok: true, length: 3 });
  });
});
