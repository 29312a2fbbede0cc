import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, enqueue, type QueueBackend } from '@firmly/queue';
import { createGmailSandbox, type GmailSandbox } from '@firmly/sandbox';
import { defaultProcessors, type ProcessorDeps, startWorkers } from '@firmly/worker';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, OAUTH_CLIENT, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const ME = 'studio@agency.example';
const ANNA = 'anna@northwind.example';
// Monday 2 November 2026 in London (UTC+0 after the October change).
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 10, day, hour, minute));
const NOW = at(20, 12);

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('analysis after sync: asks, answers, signals, incidents, health (Gmail sandbox, PostgreSQL queues)', () => {
  let sandbox: GmailSandbox;
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    sandbox = await createGmailSandbox({ quotaUnitsPerSecond: Number.POSITIVE_INFINITY, oauthClients: [OAUTH_CLIENT] });
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({ gmail: sandbox.url }) });
  });
  afterAll(async () => {
    await queues?.close();
    await sandbox?.close();
  });

  async function deliver(address: string, options: Parameters<typeof clientEmail>[0], labelIds: string[]) {
    const email = await clientEmail(options);
    sandbox.admin.deliver(address, email.raw, { labelIds, internalDate: (options.date ?? NOW).getTime() });
    return email.messageId;
  }

  async function seed(address: string) {
    sandbox.admin.createUser(address);
    // A: asked Monday 09:00, answered 11:00 — the reply quotes our question below its own text.
    const a = await deliver(
      address,
      {
        from: address,
        to: ANNA,
        subject: 'Posts for week 46',
        body: 'Could you approve the posts for week 46 by Wednesday?',
        date: at(2, 9),
      },
      ['SENT'],
    );
    await deliver(
      address,
      {
        from: ANNA,
        to: address,
        subject: 'Re: Posts for week 46',
        body: 'All approved, thank you!\n\nOn Mon, 2 Nov 2026 at 09:00, Studio <studio@agency.example> wrote:\n> Could you approve the posts for week 46 by Wednesday?',
        date: at(2, 11),
        inReplyTo: a,
      },
      ['INBOX'],
    );
    // B: asked Tuesday, only an out-of-office came back: open, and late by now.
    const b = await deliver(
      address,
      { from: address, to: ANNA, subject: 'Logo files', body: 'Please send the logo in SVG format.', date: at(3, 10) },
      ['SENT'],
    );
    await deliver(
      address,
      {
        from: ANNA,
        to: address,
        subject: 'Automatic reply: Logo files',
        body: 'I am out of the office until 9 November 2026.',
        date: at(3, 10, 1),
        inReplyTo: b,
      },
      ['INBOX'],
    );
    // C: a per-item approval demand, and a payment claim.
    await deliver(
      address,
      {
        from: ANNA,
        to: address,
        subject: 'Process',
        body: 'From now on send me every post before it goes out. I need to approve everything before it is published. By the way, I transferred the payment for invoice 2026-014 yesterday.',
        date: at(4, 21),
      },
      ['INBOX'],
    );
    return { b };
  }

  async function clientThreads(workspaceId: string) {
    const rows = await t.db
      .select({ id: schema.threads.id })
      .from(schema.threads)
      .where(and(eq(schema.threads.workspaceId, workspaceId), isNotNull(schema.threads.clientId)));
    return rows.map((r) => r.id);
  }

  async function analysisState(workspaceId: string) {
    const asks = await t.db
      .select({
        messageId: schema.asks.messageId,
        status: schema.asks.status,
        answeredBy: schema.asks.answeredByMessageId,
        sentence: schema.asks.sentence,
        pausedUntil: schema.asks.pausedUntil,
      })
      .from(schema.asks)
      .where(eq(schema.asks.workspaceId, workspaceId))
      .orderBy(asc(schema.asks.messageId));
    const findings = await t.db
      .select({
        messageId: schema.messageAnalyses.messageId,
        findings: schema.messageAnalyses.findings,
        afterHours: schema.messageAnalyses.afterHours,
      })
      .from(schema.messageAnalyses)
      .where(eq(schema.messageAnalyses.workspaceId, workspaceId))
      .orderBy(asc(schema.messageAnalyses.messageId));
    const incidents = await t.db
      .select({ key: schema.incidents.dedupeKey, kind: schema.incidents.kind })
      .from(schema.incidents)
      .where(eq(schema.incidents.workspaceId, workspaceId))
      .orderBy(asc(schema.incidents.dedupeKey));
    const [health] = await t.db
      .select({
        responsiveness: schema.clientHealth.responsiveness,
        control: schema.clientHealth.control,
        payments: schema.clientHealth.payments,
      })
      .from(schema.clientHealth)
      .where(eq(schema.clientHealth.workspaceId, workspaceId));
    const proposals = await t.db
      .select({ kind: schema.mailProposals.kind, sentence: schema.mailProposals.sentence })
      .from(schema.mailProposals)
      .where(eq(schema.mailProposals.workspaceId, workspaceId));
    return { asks, findings, incidents, health, proposals };
  }

  it('after a sync, every client thread is analysed and the client rolled up; a full recompute gives the same', async () => {
    const address = `flow-${ME}`;
    await seed(address);
    const { workspace, mailbox, client } = await connectedMailbox(t.db, {
      slug: 'analysis-flow',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    await runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'manual' });
    const threads = await clientThreads(workspace.id);
    // Four: the out-of-office ("Automatic reply: …") is a thread of its own, as in Gmail.
    expect(threads).toHaveLength(4);
    // The sync asked, once per stored page, for its threads to be analysed: every client thread is in one.
    const queued = await queues.queue('analyze').getJobs(['waiting', 'delayed', 'prioritized']);
    const requested = queued.filter((j) => j.name === 'threads.analyze').flatMap((j) => (j.data as { threadIds: string[] }).threadIds);
    expect(threads.every((id) => requested.includes(id))).toBe(true);
    // Running that request analyses the client threads and asks for one rollup per client.
    const batch = queued.find((j) => j.name === 'threads.analyze');
    expect(await runJob(deps, 'analyze', 'threads.analyze', batch?.data as { workspaceId: string; threadIds: string[] })).toEqual({
      analysed: 4,
      skipped: 0,
      rollups: 1,
    });
    for (const threadId of threads) await runJob(deps, 'analyze', 'thread.analyze', { workspaceId: workspace.id, threadId });
    await runJob(deps, 'analyze', 'client.rollup', { workspaceId: workspace.id, clientId: client.id });
    const first = await analysisState(workspace.id);

    // The visible text was stored without the quote.
    const [reply] = await t.db
      .select({ text: schema.messages.visibleText })
      .from(schema.messages)
      .where(eq(schema.messages.subject, 'Re: Posts for week 46'));
    expect(reply?.text).toBe('All approved, thank you!');

    expect(first.asks.map((a) => a.status).sort()).toEqual(['answered', 'open']);
    const open = first.asks.find((a) => a.status === 'open');
    expect(open?.sentence).toMatch(/logo in SVG/);
    expect(first.incidents.map((i) => i.kind).sort()).toEqual(['control_episode', 'missed_feedback_deadline']);
    // Asked Tuesday 10:00, due Thursday 10:00 — but the client announced an absence until Monday
    // the 9th (in another thread): the deadline moves to the first working hour they are back.
    const [missed] = await t.db
      .select({ occurredAt: schema.incidents.occurredAt })
      .from(schema.incidents)
      .where(and(eq(schema.incidents.workspaceId, workspace.id), eq(schema.incidents.kind, 'missed_feedback_deadline')));
    expect(missed?.occurredAt.toISOString()).toBe('2026-11-09T09:00:00.000Z');
    expect(first.proposals).toEqual([expect.objectContaining({ kind: 'payment' })]);
    if (!first.health) throw new Error('no health summary');
    expect(first.health.responsiveness).toMatchObject({ answered: 1, open: 1, medianLatencyHours: 2 });
    expect((first.health.control as { score: number }).score).toBeGreaterThan(0);

    // Running everything again changes nothing; so does recomputing from scratch.
    for (const threadId of threads) await runJob(deps, 'analyze', 'thread.analyze', { workspaceId: workspace.id, threadId });
    await runJob(deps, 'analyze', 'client.rollup', { workspaceId: workspace.id, clientId: client.id });
    expect(await analysisState(workspace.id)).toEqual(first);
    await t.db.delete(schema.messageAnalyses).where(eq(schema.messageAnalyses.workspaceId, workspace.id));
    await t.db.delete(schema.asks).where(eq(schema.asks.workspaceId, workspace.id));
    await t.db.delete(schema.clientHealth).where(eq(schema.clientHealth.workspaceId, workspace.id));
    for (const threadId of [...threads].reverse()) await runJob(deps, 'analyze', 'thread.analyze', { workspaceId: workspace.id, threadId });
    await runJob(deps, 'analyze', 'client.rollup', { workspaceId: workspace.id, clientId: client.id });
    expect(await analysisState(workspace.id)).toEqual(first);
  });

  it('the operator’s mark wins and survives re-analysis', async () => {
    const address = `mark-${ME}`;
    sandbox.admin.createUser(address);
    await deliver(address, { from: address, to: ANNA, subject: 'Calendar', body: 'Here is the December calendar.', date: at(9, 10) }, [
      'SENT',
    ]);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'analysis-mark',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    await runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'manual' });
    const [thread] = await clientThreads(workspace.id);
    if (!thread) throw new Error('no thread');
    await runJob(deps, 'analyze', 'thread.analyze', { workspaceId: workspace.id, threadId: thread });
    expect((await analysisState(workspace.id)).asks).toEqual([]);
    const [message] = await t.db
      .select({ id: schema.messages.id })
      .from(schema.messages)
      .where(eq(schema.messages.workspaceId, workspace.id));
    const { setAskOverride } = await import('@firmly/db');
    await t.db.transaction((tx) => setAskOverride(tx, workspace.id, message?.id ?? '', true, NOW, 'operator:test'));
    await runJob(deps, 'analyze', 'thread.analyze', { workspaceId: workspace.id, threadId: thread });
    await runJob(deps, 'analyze', 'thread.analyze', { workspaceId: workspace.id, threadId: thread });
    const asks = await t.db.select().from(schema.asks).where(eq(schema.asks.workspaceId, workspace.id));
    expect(asks).toEqual([expect.objectContaining({ source: 'operator', operatorOverride: true, status: 'open' })]);
  });

  it('a running worker analyses what a sync stored, and a new reply answers the open ask', async () => {
    const address = `live-${ME}`;
    const { b } = await seed(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'analysis-live',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    const worker = startWorkers({ backend: queues, processors: defaultProcessors(deps), concurrency: 2, log });
    try {
      await enqueue(queues, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'manual' });
      const health = await until(async () => {
        const [row] = await t.db.select().from(schema.clientHealth).where(eq(schema.clientHealth.workspaceId, workspace.id));
        return row && row.openAsks === 1 ? row : undefined;
      }, 'the first rollup');
      expect(health.openAsks).toBe(1);
      await deliver(
        address,
        { from: ANNA, to: address, subject: 'Re: Logo files', body: 'Here it is, sorry for the wait.', date: at(6, 9), inReplyTo: b },
        ['INBOX'],
      );
      await enqueue(
        queues,
        'sync',
        'mailbox.sync',
        { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'push' },
        { jobId: `again-${Date.now()}` },
      );
      await until(async () => {
        const [row] = await t.db.select().from(schema.clientHealth).where(eq(schema.clientHealth.workspaceId, workspace.id));
        return row && row.openAsks === 0 ? row : undefined;
      }, 'the rollup after the reply');
      const asks = await t.db.select({ status: schema.asks.status }).from(schema.asks).where(eq(schema.asks.workspaceId, workspace.id));
      expect(asks.map((a) => a.status)).toEqual(['answered', 'answered']);
    } finally {
      await worker.drain(10_000);
    }
  });
});
