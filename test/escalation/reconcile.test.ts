import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend, scheduleSend } from '@firmly/queue';
import { deleteKeysWithPrefix, uniqueQueuePrefix } from '@firmly/queue/testing';
import type { ProcessorDeps } from '@firmly/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ladderClient } from '../support/ladder-client';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const redisUrl = inject('redisUrl');
const prefix = uniqueQueuePrefix('reconcile');

describe.skipIf(!redisUrl)(`losing the Redis queues loses no step (${redisUrl ? 'redis' : 'skipped: no Redis reachable'})`, () => {
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(new Date('2026-11-04T10:00:00Z'));

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'redis', redisUrl: redisUrl ?? '', prefix }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({}) });
  });
  afterAll(async () => {
    await queues?.close();
    if (redisUrl) await deleteKeysWithPrefix(redisUrl, prefix);
  });

  it('the reconciler re-creates the next step from PostgreSQL, and nothing is drafted twice', async () => {
    const setup = await ladderClient(t.db, { slug: 'reconcile', invoice: { number: 'R-1', amountMinor: 50_000n, currency: 'GBP' } });
    const ws = { id: setup.workspaceId };
    const client = { id: setup.clientId };
    // The reminder is drafted and sent; its next step (work paused) is three business days after the send.
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id });
    const [reminder] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.workspaceId, ws.id));
    // An email of the operator's own, approved for later today: its send job waits in the queue.
    const sendAfter = new Date('2026-11-04T15:00:00Z');
    const [second] = await t.db
      .insert(schema.outgoingEmails)
      .values({
        workspaceId: ws.id,
        clientId: client.id,
        mailboxId: setup.mailboxId,
        kind: 'custom',
        locale: 'en',
        state: 'approved',
        sendAfter,
        idempotencyKey: 'operator:1',
        messageId: 'own-1@agency.example',
        to: [{ address: 'owner@bakery.example' }],
        subject: 'Next week',
        html: '<p>See you Monday.</p>',
        text: 'See you Monday.',
      })
      .returning();
    await scheduleSend(queues, ws.id, second?.id ?? '', sendAfter);
    for (const state of ['approved', 'sending', 'sent'] as const)
      await t.db
        .update(schema.outgoingEmails)
        .set({ state, ...(state === 'sent' ? { providerAcceptedAt: clock.now() } : {}) })
        .where(eq(schema.outgoingEmails.id, reminder?.id ?? ''));
    const first = (await runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id })) as {
      recheckAt?: string;
    };
    // Wednesday 10:00 + 3 business days (London) = Monday 10:00.
    expect(first.recheckAt).toBe('2026-11-09T10:00:00.000Z');
    const recheckId = `escalate-${client.id}-at-${new Date(first.recheckAt ?? '').getTime()}`;
    const escalate = queues.queue('escalate');
    expect(await escalate.getJob(recheckId)).toBeDefined();

    // Redis loses everything of ours. (Only this test's prefix: FLUSHALL would take the other
    // test files' queues with it; for firmly's queues the effect is the same.)
    await deleteKeysWithPrefix(redisUrl ?? '', prefix);
    expect(await escalate.getJob(recheckId)).toBeUndefined();
    expect(await queues.queue('send').getJob(second?.id ?? '')).toBeUndefined();

    // The reconciler (the periodic catch-up) asks for every monitored client to be evaluated again…
    await runJob(deps, 'maintenance', 'analysis.catch-up', {});
    // …the approved email's send comes back, still waiting for its time…
    expect(await queues.queue('send').getJob(second?.id ?? '')).toBeDefined();
    const requested = (await escalate.getJobs(['delayed', 'waiting'])).filter(
      (j) => (j.data as { clientId: string }).clientId === client.id,
    );
    expect(requested.length).toBeGreaterThan(0);
    // …and that evaluation re-creates the scheduled step, without drafting anything again.
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id });
    expect(await escalate.getJob(recheckId)).toBeDefined();
    const drafts = await t.db
      .select({ kind: schema.outgoingEmails.kind })
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.workspaceId, ws.id));
    expect(drafts.map((d) => d.kind).sort()).toEqual(['custom', 'payment_reminder']);
  });
});
