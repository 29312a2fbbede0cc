import { createLogger } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedMailbox, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');

describe('polling is the floor', () => {
  let queues: QueueBackend;
  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  });
  afterAll(async () => {
    await queues?.close();
  });

  it('queues a sync for every active mailbox that heard nothing for 10 minutes, once', async () => {
    const now = Date.now();
    const mailboxes = [];
    for (const [slug, lastPushMinutesAgo, status] of [
      ['quiet', 11, 'active'],
      ['recent', 2, 'active'],
      ['never', null, 'active'],
      ['dead', 60, 'needs_reauth'],
    ] as const) {
      const { mailbox } = await connectedMailbox(t.db, {
        slug: `poll-${slug}`,
        provider: 'gmail',
        address: `${slug}@agency.example`,
        refreshToken: 'rt-x',
        scope: '',
      });
      await t.db
        .update(schema.mailboxes)
        .set({
          status,
          lastPushAt: lastPushMinutesAgo === null ? null : new Date(now - lastPushMinutesAgo * 60_000),
          lastSyncedAt: lastPushMinutesAgo === null ? null : new Date(now - lastPushMinutesAgo * 60_000),
        })
        .where(eq(schema.mailboxes.id, mailbox.id));
      mailboxes.push({ slug, id: mailbox.id });
    }
    const deps = workerDeps({ db: t.db, queues, log, settings: sandboxSettings({}) });
    const poll = () => runJob(deps, 'maintenance', 'mailboxes.poll-stale', {}) as Promise<{ enqueued: number }>;
    expect((await poll()).enqueued).toBe(2);
    // The next minute's poll collapses into the syncs still waiting.
    await poll();
    const waiting = await queues.queue('sync').getJobs(['waiting']);
    const polled = waiting.map((job) => (job.data as { mailboxId: string }).mailboxId).sort();
    const byId = Object.fromEntries(mailboxes.map((m) => [m.id, m.slug]));
    expect(polled.map((id) => byId[id]).sort()).toEqual(['never', 'quiet']);
  });
});
