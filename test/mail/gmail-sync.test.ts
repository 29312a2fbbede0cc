import { createLogger } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, enqueue, type QueueBackend } from '@firmly/queue';
import { createGmailSandbox, type GmailSandbox } from '@firmly/sandbox';
import { defaultProcessors, type ProcessorDeps, startWorkers } from '@firmly/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, OAUTH_CLIENT, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const ME = 'studio@agency.example';

describe('Gmail sync through the sandbox', () => {
  let sandbox: GmailSandbox;
  let queues: QueueBackend;
  let deps: ProcessorDeps;

  beforeAll(async () => {
    sandbox = await createGmailSandbox({ quotaUnitsPerSecond: Number.POSITIVE_INFINITY, oauthClients: [OAUTH_CLIENT] });
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ gmail: sandbox.url }) });
  });
  afterAll(async () => {
    await queues?.close();
    await sandbox?.close();
  });

  const sync = (workspaceId: string, mailboxId: string) => {
    return runJob(deps, 'sync', 'mailbox.sync', { workspaceId, mailboxId, reason: 'manual' });
  };

  async function storedIds(mailboxId: string) {
    const rows = await t.db
      .select({ id: schema.messages.providerMessageId })
      .from(schema.messages)
      .where(eq(schema.messages.mailboxId, mailboxId));
    return rows.map((r) => r.id).sort();
  }

  it('back-fills thousands of messages, each stored exactly once, even when syncs race', async () => {
    const address = `backfill-${ME}`;
    sandbox.admin.createUser(address);
    for (let i = 0; i < 2_000; i++) {
      const { raw } = await clientEmail({
        from: i % 2 ? 'anna@northwind.example' : address,
        to: i % 2 ? address : 'anna@northwind.example',
        date: new Date(Date.now() - (2_000 - i) * 60_000),
      });
      sandbox.admin.deliver(address, raw, { labelIds: i % 2 ? ['INBOX'] : ['SENT'] });
    }
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'gmail-backfill',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    // Two workers asked at once: the lease lets one sync; the other reports it.
    const outcomes = await Promise.all([sync(workspace.id, mailbox.id), sync(workspace.id, mailbox.id)]);
    expect(outcomes.map((o) => (o as { status: string }).status).sort()).toEqual(['locked', 'synced']);
    const expected = sandbox.admin
      .messages(address)
      .map((m) => m.id)
      .sort();
    expect(await storedIds(mailbox.id)).toEqual(expected);
    const again = (await sync(workspace.id, mailbox.id)) as { stored: number };
    expect(again.stored).toBe(0);
    expect(await storedIds(mailbox.id)).toHaveLength(2_000);
    const [thread] = await t.db.select().from(schema.threads).where(eq(schema.threads.mailboxId, mailbox.id)).limit(1);
    expect(thread?.clientId).not.toBeNull();
  }, 120_000);

  it('follows history after the back-fill, and re-lists without loss when the cursor has expired', async () => {
    const address = `history-${ME}`;
    sandbox.admin.createUser(address);
    const first = await clientEmail({ from: 'anna@northwind.example', to: address });
    sandbox.admin.deliver(address, first.raw);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'gmail-history',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    await sync(workspace.id, mailbox.id);
    for (let i = 0; i < 3; i++) sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    expect(((await sync(workspace.id, mailbox.id)) as { stored: number }).stored).toBe(3);
    // More mail, then the stored historyId falls out of Gmail's retention.
    for (let i = 0; i < 5; i++) sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    sandbox.admin.expireHistoryBefore(sandbox.admin.historyId(address));
    const relisted = (await sync(workspace.id, mailbox.id)) as { stored: number };
    expect(relisted.stored).toBe(5);
    expect(await storedIds(mailbox.id)).toEqual(
      sandbox.admin
        .messages(address)
        .map((m) => m.id)
        .sort(),
    );
  });

  it('marks a mailbox whose grant was revoked as needs_reauth, with an alert', async () => {
    const address = `revoked-${ME}`;
    sandbox.admin.createUser(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'gmail-revoked',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    sandbox.admin.revoke(address);
    await expect(sync(workspace.id, mailbox.id)).rejects.toThrow();
    const [row] = await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.id, mailbox.id));
    expect(row?.status).toBe('needs_reauth');
    const alerts = await t.db.select().from(schema.alerts).where(eq(schema.alerts.subjectId, mailbox.id));
    expect(alerts.map((a) => a.kind)).toEqual(['mailbox.needs_reauth']);
    // Its jobs stop: a later sync does nothing.
    expect(((await sync(workspace.id, mailbox.id)) as { status: string }).status).toBe('inactive');
  });

  it('runs through real BullMQ: an enqueued sync is processed by the worker', async () => {
    const address = `queued-${ME}`;
    sandbox.admin.createUser(address);
    sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'gmail-queued',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    const runtime = startWorkers({ backend: queues, processors: defaultProcessors(deps), concurrency: 2, log });
    try {
      await enqueue(
        queues,
        'sync',
        'mailbox.sync',
        { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'manual' },
        { deduplicationId: `sync-${mailbox.id}` },
      );
      const deadline = Date.now() + 20_000;
      while ((await storedIds(mailbox.id)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await storedIds(mailbox.id)).toHaveLength(1);
    } finally {
      await runtime.drain(10_000);
    }
  });
});
