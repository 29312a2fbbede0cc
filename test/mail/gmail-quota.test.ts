import { createLogger } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { createGmailSandbox, type GmailSandbox } from '@firmly/sandbox';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, OAUTH_CLIENT, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const MESSAGES = 150;

describe('Gmail quota', () => {
  let queues: QueueBackend;
  const sandboxes: GmailSandbox[] = [];
  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  });
  afterAll(async () => {
    await queues?.close();
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  async function syncAll(options: { sandboxUnits: number; budgetUnits: number; slug: string; faults?: (s: GmailSandbox) => void }) {
    const sandbox = await createGmailSandbox({ quotaUnitsPerSecond: options.sandboxUnits, oauthClients: [OAUTH_CLIENT] });
    sandboxes.push(sandbox);
    const address = `${options.slug}@agency.example`;
    sandbox.admin.createUser(address);
    for (let i = 0; i < MESSAGES; i++)
      sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: options.slug,
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    options.faults?.(sandbox);
    sandbox.admin.resetStats();
    const deps = workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ gmail: sandbox.url }, options.budgetUnits) });
    const job = () => runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'backfill' });
    // As BullMQ would: an attempt that still fails after its in-call retries is retried as a job.
    for (let attempt = 1; ; attempt++) {
      try {
        await job();
        break;
      } catch (error) {
        if (attempt >= 3 || (error as { kind?: string }).kind !== 'retry') throw error;
      }
    }
    const stored = await t.db.select().from(schema.messages).where(eq(schema.messages.mailboxId, mailbox.id));
    return { stored: stored.length, stats: sandbox.admin.stats(address) };
  }

  it('stays under 250 units per second in every second: Gmail never has to refuse', async () => {
    const { stored, stats } = await syncAll({ sandboxUnits: 250, budgetUnits: 250, slug: 'under-quota' });
    expect(stored).toBe(MESSAGES);
    expect(stats.rateLimited).toBe(0);
    // 5 units per messages.get is the floor; list and profile add a little.
    expect(stats.unitsConsumed / MESSAGES).toBeLessThanOrEqual(5.5);
  }, 60_000);

  it('rides out a 429 storm (a provider stricter than our budget) and still stores everything once', async () => {
    const { stored, stats } = await syncAll({ sandboxUnits: 150, budgetUnits: 250, slug: 'storm' });
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stored).toBe(MESSAGES);
  }, 90_000);

  it('retries injected 5xx errors and loses nothing', async () => {
    const { stored, stats } = await syncAll({
      sandboxUnits: Number.POSITIVE_INFINITY,
      budgetUnits: 0,
      slug: 'faults',
      faults: (s) => s.admin.injectFaults({ status: 503, count: 6 }),
    });
    expect(stats.faultsServed).toBe(6);
    expect(stored).toBe(MESSAGES);
  });
});
