import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import type { ProcessorDeps } from '@firmly/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const DAY = 86_400_000;

describe('the controlling ladder from the recorded control scores (PRODUCT §4.3)', () => {
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(new Date('2026-11-25T10:00:00Z'));

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({}) });
  });
  afterAll(async () => {
    await queues?.close();
  });

  it('after two weeks above the threshold, drafts the how-we-work-together email quoting the demands', async () => {
    const [ws] = await t.db.insert(schema.workspaces).values({ slug: 'controlling', name: 'Studio' }).returning();
    if (!ws) throw new Error('no workspace');
    const [client] = await t.db
      .insert(schema.clients)
      .values({ workspaceId: ws.id, name: 'Bakery', timezone: 'Europe/London' })
      .returning();
    const [mailbox] = await t.db
      .insert(schema.mailboxes)
      .values({ workspaceId: ws.id, provider: 'gmail', address: 'studio@agency.example' })
      .returning();
    if (!client || !mailbox) throw new Error('setup');
    await t.db.insert(schema.clientContacts).values({ workspaceId: ws.id, clientId: client.id, address: 'owner@bakery.example' });
    const [thread] = await t.db
      .insert(schema.threads)
      .values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: 'th', clientId: client.id })
      .returning();
    const [demand] = await t.db
      .insert(schema.messages)
      .values({
        workspaceId: ws.id,
        mailboxId: mailbox.id,
        threadId: thread?.id ?? '',
        providerMessageId: 'd1',
        direction: 'inbound',
        fromAddress: 'owner@bakery.example',
        sentAt: new Date('2026-11-09T09:00:00Z'),
        visibleText: 'Send me every post before it goes out.',
      })
      .returning();
    await t.db.insert(schema.clientHealth).values({
      workspaceId: ws.id,
      clientId: client.id,
      computedAt: clock.now(),
      controlScore: 70,
      openAsks: 0,
      responsiveness: {},
      payments: {},
      control: {
        score: 70,
        evidence: [{ messageId: demand?.id, kind: 'approval_demand', quote: 'Send me every post before it goes out.' }],
      },
    });
    const samples = (days: number, score: number) =>
      Array.from({ length: days }, (_, i) => {
        const at = new Date(clock.now().getTime() - (days - 1 - i) * DAY);
        return { workspaceId: ws.id, clientId: client.id, day: at.toISOString().slice(0, 10), at, score };
      });

    // Ten days above the threshold: not yet.
    await t.db.insert(schema.controlSamples).values(samples(10, 70));
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id });
    expect(await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.workspaceId, ws.id))).toEqual([]);

    // Fifteen: the email, with the client's own words quoted.
    await t.db.delete(schema.controlSamples).where(eq(schema.controlSamples.clientId, client.id));
    await t.db.insert(schema.controlSamples).values(samples(15, 70));
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id });
    const [draft] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.workspaceId, ws.id));
    expect(draft).toMatchObject({ kind: 'expectations_reset', state: 'pending_review' });
    expect(draft?.text).toContain('Send me every post before it goes out.');
    expect(draft?.text).toContain('the content calendar for the following week');
  });
});
