import { issueApiKey } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import type { QueueBackend } from '@firmly/queue';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, startApi, workspaceWithClient } from './records-harness';

const t = useTestDatabase();
let app: FastifyInstance;
let queues: QueueBackend;

beforeAll(async () => {
  ({ app, queues } = await startApi(t.db, t.url));
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

/** A workspace with a few audited changes, made through the API as an operator would. */
async function auditedWorkspace(slug: string) {
  const w = await workspaceWithClient(t.db, slug);
  for (const number of ['INV-1', 'INV-2']) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: w.auth,
      payload: { clientId: w.clientId, number, amount: { minor: '10000', currency: 'EUR' }, issuedOn: '2026-11-01', dueOn: '2026-11-15' },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  const events = await t.db
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.workspaceId, w.workspaceId))
    .orderBy(asc(schema.auditEvents.seq));
  expect(events.length).toBeGreaterThanOrEqual(2);
  return { ...w, events };
}

const verify = (auth: Record<string, string>) => app.inject({ method: 'GET', url: '/v1/audit/verify', headers: auth });

/** A DBA editing the log behind the application's back: the append-only trigger must be switched off first. */
async function forgeAction(eventId: string) {
  await t.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
  await t.pool.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [eventId]);
  await t.pool.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
}

describe('GET /v1/audit/verify', () => {
  it('answers ok with the number of events for an untouched workspace', async () => {
    const w = await auditedWorkspace('verify-intact');
    const response = await verify(w.auth);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true, events: w.events.length, verifiedAt: NOW.toISOString() });
  });

  it('names the event a DBA edited, while another workspace still verifies', async () => {
    const forged = await auditedWorkspace('verify-forged');
    const other = await auditedWorkspace('verify-other');
    const edited = forged.events[1];
    if (!edited) throw new Error('no second event');
    await forgeAction(edited.id);

    const broken = await verify(forged.auth);
    expect(broken.statusCode, broken.body).toBe(200);
    expect(broken.json()).toEqual({
      ok: false,
      events: forged.events.length,
      brokenAt: { seq: edited.seq, eventId: edited.id, reason: 'event content does not match its hash' },
      verifiedAt: NOW.toISOString(),
    });

    const untouched = await verify(other.auth);
    expect(untouched.json()).toEqual({ ok: true, events: other.events.length, verifiedAt: NOW.toISOString() });
  });

  it('needs the admin scope: a read and review key is refused', async () => {
    const w = await auditedWorkspace('verify-scoped');
    const key = issueApiKey();
    await t.db.insert(schema.apiKeys).values({
      workspaceId: w.workspaceId,
      operatorId: w.operatorId,
      name: 'reviewer',
      prefix: key.prefix,
      keyHash: key.hash,
      scopes: ['read', 'review'],
    });
    const response = await verify({ authorization: `Bearer ${key.token}` });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ requiredScope: 'admin' });
  });
});
