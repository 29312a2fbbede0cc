import { createLogger, verifyPassword } from '@firmly/config';
import { businessCalendar, fixedClock } from '@firmly/core';
import { reviewQueue, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, enqueue, type QueueBackend, type QueueName } from '@firmly/queue';
import { defaultProcessors, type ProcessorDeps } from '@firmly/worker';
import type { Job } from 'bullmq';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoClientKey, demoClients } from '../../services/all-in-one/src/demo-clients';
import { startDemoMailbox } from '../../services/all-in-one/src/demo-mailbox';
import { resetDemoPassword } from '../../services/all-in-one/src/demo-password';
import { placedDemoMail } from '../../services/all-in-one/src/demo-placed-mail';
import { demoSignInLines } from '../../services/all-in-one/src/demo-sign-in';
import { ensureDemoWorkspace } from '../../services/all-in-one/src/demo-workspace';
import { sandboxSettings, testKeys, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
// A Wednesday morning: London is on GMT, Budapest on CET.
const ANCHOR = new Date('2026-11-25T10:00:00Z');

/** Every row the seeding writes, to see that a second seeding writes none. */
async function seededRows(workspaceId: string) {
  const count = async (table: typeof schema.clients | typeof schema.invoices | typeof schema.payments | typeof schema.operators) =>
    (await t.db.select({ id: table.id }).from(table).where(eq(table.workspaceId, workspaceId))).length;
  return {
    clients: await count(schema.clients),
    invoices: await count(schema.invoices),
    payments: await count(schema.payments),
    operators: await count(schema.operators),
    samples: (await t.db.select().from(schema.controlSamples).where(eq(schema.controlSamples.workspaceId, workspaceId))).length,
    audit: (await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.workspaceId, workspaceId))).length,
    passwordHash: (await t.db.select({ hash: schema.operators.passwordHash }).from(schema.operators)).map((o) => o.hash),
  };
}

describe('the script', () => {
  it('answers after it asks, and has all happened by the first start, whatever day that is', () => {
    const anchors = [...Array.from({ length: 7 }, (_, d) => new Date(ANCHOR.getTime() + d * 86_400_000)), new Date('2026-12-27T08:00:00Z')];
    for (const anchor of anchors) {
      const mail = placedDemoMail(anchor);
      const byId = new Map(mail.map((m) => [m.id, m]));
      for (const message of mail) {
        expect(message.sentAt.getTime(), message.id).toBeLessThan(anchor.getTime());
        const parent = message.replyTo ? byId.get(message.replyTo) : undefined;
        if (message.replyTo) expect(parent?.sentAt.getTime(), message.id).toBeLessThan(message.sentAt.getTime());
      }
      // The unresponsive client's open asks are past the 2-day SLA but short of 4 × SLA (no "consider ending" yet).
      const calendar = businessCalendar(demoClients.unresponsive.calendar);
      for (const id of ['bb-posts-1', 'bb-photos-1']) {
        const age = calendar.businessDaysBetween(byId.get(id)?.sentAt ?? anchor, anchor);
        expect(age, `${id} at ${anchor.toISOString()}`).toBeGreaterThan(2);
        expect(age, `${id} at ${anchor.toISOString()}`).toBeLessThan(8);
      }
    }
  });
});

describe('the demo on first start (issue 6), through the worker on PostgreSQL', () => {
  let queues: QueueBackend;
  let mailbox: Awaited<ReturnType<typeof startDemoMailbox>> | undefined;
  const clock = fixedClock(ANCHOR);

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  });
  afterAll(async () => {
    await queues?.close();
    await mailbox?.sandbox.close();
  });

  /**
   * The all-in-one's workers, without their timers: every job the pipeline queued is run
   * at once (delays are real-time buckets; the clock is fixed), until none is left but the
   * ladders' rechecks scheduled for later days.
   */
  async function runUntilQuiet(deps: ProcessorDeps): Promise<Record<string, number>> {
    const processors = defaultProcessors(deps);
    const ran: Record<string, number> = {};
    for (let round = 0; round < 40; round++) {
      let progress = 0;
      for (const name of ['sync', 'analyze', 'escalate'] as const satisfies readonly QueueName[]) {
        const jobs = await queues.queue(name).getJobs(['waiting', 'delayed', 'prioritized']);
        for (const job of jobs as Job[]) {
          if (job.id?.includes('-at-')) continue; // a recheck at a later instant (escalate-client.ts)
          await job.remove();
          await processors[name]?.(job);
          ran[job.name] = (ran[job.name] ?? 0) + 1;
          progress += 1;
        }
      }
      if (progress === 0) return ran;
    }
    throw new Error(`the pipeline did not settle: ${JSON.stringify(ran)}`);
  }

  it('seeds four labelled clients whose mail makes the ladders draft for all but the responsive one; seeding again changes nothing', async () => {
    const demo = await ensureDemoWorkspace(t.db, clock.now());
    expect(demo).toMatchObject({ created: true, anchor: ANCHOR, owner: { email: 'owner@demo.firmly.example', hasPassword: true } });
    const [workspace] = await t.db.select().from(schema.workspaces).where(eq(schema.workspaces.id, demo.workspaceId));
    expect(workspace?.slug).toBe('demo');
    expect(workspace?.name).toMatch(/^Demo — /);
    expect(workspace?.settings).toMatchObject({ demo: true });

    // The owner's password is stored hashed, and it is the one printed.
    const [owner] = await t.db.select().from(schema.operators).where(eq(schema.operators.workspaceId, demo.workspaceId));
    expect(owner?.role).toBe('owner');
    expect(owner?.passwordHash).not.toContain(demo.password);
    expect(await verifyPassword(demo.password ?? '', owner?.passwordHash ?? '')).toBe(true);
    expect(demoSignInLines('http://127.0.0.1:3000', demo)[0]).toBe(
      `Sign in at http://127.0.0.1:3000/ with workspace demo, email owner@demo.firmly.example, password ${demo.password}`,
    );

    const clients = await t.db
      .select()
      .from(schema.clients)
      .where(eq(schema.clients.workspaceId, demo.workspaceId))
      .orderBy(asc(schema.clients.name));
    expect(clients).toHaveLength(4);
    expect(clients.some((c) => c.locale === 'hu' && c.timezone === 'Europe/Budapest')).toBe(true);
    const idOf = (key: DemoClientKey) => clients.find((c) => c.name === demoClients[key].name)?.id ?? '';

    // The late payer's record: four invoices paid later each cycle, one overdue; every row audited.
    const ledger = await t.db
      .select({ number: schema.invoices.number, dueOn: schema.invoices.dueOn, paidOn: schema.payments.paidOn })
      .from(schema.invoices)
      .leftJoin(schema.payments, eq(schema.payments.invoiceId, schema.invoices.id))
      .where(eq(schema.invoices.clientId, idOf('latePayer')))
      .orderBy(asc(schema.invoices.dueOn));
    const daysLate = ledger.map((i) => (i.paidOn ? (Date.parse(i.paidOn) - Date.parse(i.dueOn)) / 86_400_000 : null));
    expect(daysLate).toEqual([1, 3, 6, 10, null]);
    const audited = await t.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.workspaceId, demo.workspaceId));
    expect(audited.filter((a) => a.action === 'invoice.created')).toHaveLength(7);
    expect(audited.filter((a) => a.action === 'payment.recorded')).toHaveLength(6);

    // The mailbox on the sandbox, synced and analysed as the all-in-one does it.
    mailbox = await startDemoMailbox({ db: t.db, keys: testKeys, workspaceId: demo.workspaceId, anchor: demo.anchor });
    const deps = workerDeps({
      db: t.db,
      queues,
      log,
      clock,
      settings: { ...sandboxSettings({ gmail: mailbox.sandbox.url }), ...mailbox.settings },
    });
    await enqueue(queues, 'sync', 'mailbox.sync', { workspaceId: demo.workspaceId, mailboxId: mailbox.mailboxId, reason: 'manual' });
    const ran = await runUntilQuiet(deps);
    expect(ran['mailbox.sync']).toBeGreaterThanOrEqual(1);
    expect(ran['client.escalate']).toBeGreaterThanOrEqual(3);
    const stored = await t.db
      .select({ id: schema.messages.id })
      .from(schema.messages)
      .where(eq(schema.messages.workspaceId, demo.workspaceId));
    expect(stored).toHaveLength(placedDemoMail(demo.anchor).length);

    const page = await reviewQueue(t.db, demo.workspaceId, { now: clock.now(), limit: 100 });
    if (!page.ok) throw new Error('review queue');
    const kindsOf = (key: DemoClientKey) => page.items.filter((e) => e.clientId === idOf(key)).map((e) => e.kind);
    expect(kindsOf('unresponsive')).toEqual(['nudge', 'nudge']);
    expect(kindsOf('controlling')).toEqual(['expectations_reset']);
    expect(kindsOf('latePayer')).toEqual(['payment_reminder']);
    expect(kindsOf('responsive')).toEqual([]);

    // The drafts say what the detectors found, in the client's language (a queue page lists
    // without bodies, so the texts are read from the outbox).
    const bodies = new Map(
      (await t.db.select({ id: schema.outgoingEmails.id, text: schema.outgoingEmails.text }).from(schema.outgoingEmails)).map((row) => [
        row.id,
        row.text,
      ]),
    );
    const withText = page.items.map((e) => ({ ...e, text: bodies.get(e.id) ?? '' }));
    const byKind = (kind: string) => withText.find((e) => e.kind === kind);
    expect(byKind('nudge')).toMatchObject({ locale: 'hu', threadId: expect.any(String) });
    expect(withText.filter((e) => e.kind === 'nudge').map((e) => e.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Jóváhagynád őket csütörtökig'), expect.stringContaining('szükségünk lenne')]),
    );
    expect(byKind('expectations_reset')?.text).toMatch(/before it goes out/);
    expect(byKind('payment_reminder')).toMatchObject({ locale: 'hu' });
    expect(byKind('payment_reminder')?.text).toContain('KT-0045');

    // A second start: the seeding finds the workspace and writes nothing, and the mailbox replays the same mail.
    const before = await seededRows(demo.workspaceId);
    const again = await ensureDemoWorkspace(t.db, new Date(ANCHOR.getTime() + 3_600_000));
    expect(again).toEqual({
      workspaceId: demo.workspaceId,
      created: false,
      anchor: ANCHOR,
      owner: { email: 'owner@demo.firmly.example', hasPassword: true },
    });
    expect(await seededRows(demo.workspaceId)).toEqual(before);
    expect(demoSignInLines('http://127.0.0.1:3000', again).join('\n')).toMatch(/password shown at the first start/);
    await mailbox.sandbox.close();
    mailbox = await startDemoMailbox({ db: t.db, keys: testKeys, workspaceId: demo.workspaceId, anchor: again.anchor });
    const replay = workerDeps({
      db: t.db,
      queues,
      log,
      clock,
      settings: { ...sandboxSettings({ gmail: mailbox.sandbox.url }), ...mailbox.settings },
    });
    await enqueue(queues, 'sync', 'mailbox.sync', { workspaceId: demo.workspaceId, mailboxId: mailbox.mailboxId, reason: 'manual' });
    await runUntilQuiet(replay);
    const after = await t.db
      .select({ id: schema.messages.id })
      .from(schema.messages)
      .where(eq(schema.messages.workspaceId, demo.workspaceId));
    expect(after).toHaveLength(stored.length);
    const pageAgain = await reviewQueue(t.db, demo.workspaceId, { now: clock.now(), limit: 100 });
    expect(pageAgain.ok && pageAgain.items.map((e) => e.id).sort()).toEqual(page.items.map((e) => e.id).sort());
  }, 120_000);

  it('resets the owner password on request: a new one, stored hashed', async () => {
    const [owner] = await t.db.select().from(schema.operators).where(eq(schema.operators.email, 'owner@demo.firmly.example'));
    const reset = await resetDemoPassword(t.db, clock.now());
    expect(reset?.email).toBe('owner@demo.firmly.example');
    const [updated] = await t.db
      .select()
      .from(schema.operators)
      .where(eq(schema.operators.id, owner?.id ?? ''));
    expect(updated?.passwordHash).not.toBe(owner?.passwordHash);
    expect(await verifyPassword(reset?.password ?? '', updated?.passwordHash ?? '')).toBe(true);
  });
});
