import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CHANNEL, type ChangeFeed, type ChangeTracker, createChangeFeed } from './change-feed';
import { createPool } from './client';
import * as s from './schema/index';
import { useTestDatabase } from './testing/vitest';

const t = useTestDatabase();

/** The listener's own pool, with a name no other connection to this database has. */
const APP = 'firmly-feed-test';
let pool: pg.Pool;
let feed: ChangeFeed;
const errors: Error[] = [];

beforeAll(async () => {
  pool = createPool(t.url, { applicationName: APP, max: 2 });
  // A retry slow enough that the test can see the feed down after its backend is killed.
  feed = createChangeFeed(pool, { onError: (e) => errors.push(e), retryMs: { first: 300, max: 1_000 } });
  await feed.start();
});

afterAll(async () => {
  await feed?.close();
  await pool?.end();
});

/** An eventual wait, not a timing assertion: notifications arrive asynchronously. */
async function until(condition: () => boolean, what: string, deadlineMs = 5_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function generationOf(tracker: ChangeTracker, workspaceId: string): number {
  const generation = tracker.generation(workspaceId);
  if (generation === null) throw new Error('the feed is not live');
  return generation;
}

/** Runs `change` and waits until it moved the workspace's generation in `tracker`. */
async function changes(tracker: ChangeTracker, workspaceId: string, change: () => Promise<unknown>): Promise<void> {
  const before = generationOf(tracker, workspaceId);
  await change();
  await until(() => (tracker.generation(workspaceId) ?? 0) > before, `a notification for ${workspaceId}`);
}

async function fixture() {
  const slug = `feed-${randomUUID()}`;
  const [ws] = await t.db.insert(s.workspaces).values({ slug, name: slug }).returning();
  if (!ws) throw new Error('no workspace');
  const [operator] = await t.db
    .insert(s.operators)
    .values({ workspaceId: ws.id, email: `op@${slug}.example`, name: 'Op' })
    .returning();
  const [client] = await t.db.insert(s.clients).values({ workspaceId: ws.id, name: 'Acme', timezone: 'Europe/Budapest' }).returning();
  const [mailbox] = await t.db
    .insert(s.mailboxes)
    .values({ workspaceId: ws.id, provider: 'gmail', address: `me@${slug}.example` })
    .returning();
  if (!operator || !client || !mailbox) throw new Error('fixture rows missing');
  const [thread] = await t.db
    .insert(s.threads)
    .values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: `t-${slug}`, clientId: client.id, subject: 'Spring campaign' })
    .returning();
  if (!thread) throw new Error('no thread');
  return { ws: ws.id, operator: operator.id, client: client.id, mailbox: mailbox.id, thread: thread.id };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

function emailValues(fx: Fixture) {
  const id = randomUUID();
  return {
    id,
    workspaceId: fx.ws,
    clientId: fx.client,
    mailboxId: fx.mailbox,
    threadId: fx.thread,
    kind: 'nudge' as const,
    locale: 'en',
    idempotencyKey: `feed:${id}`,
    messageId: `<${id}@firmly.test>`,
    to: [{ address: 'boss@acme.example' }],
    subject: 'Re: Spring campaign',
    html: '<p>h</p>',
    text: 't',
  };
}

async function email(fx: Fixture): Promise<string> {
  const values = emailValues(fx);
  await t.db.insert(s.outgoingEmails).values(values);
  return values.id;
}

async function apiKey(fx: Fixture): Promise<string> {
  const id = randomUUID();
  await t.db.insert(s.apiKeys).values({ id, workspaceId: fx.ws, operatorId: fx.operator, name: 'k', prefix: `fk_${id}`, keyHash: 'h' });
  return id;
}

/**
 * Proves that `quiet` sends nothing for `tracker`: a marker change (a client of the same
 * workspace, seen by a tracker of that table only) follows it. Notifications arrive in
 * commit order on the one connection, so once the marker is in, a notification of `quiet`
 * would have been too.
 */
async function staysQuiet(tracker: ChangeTracker, fx: Fixture, quiet: () => Promise<unknown>): Promise<void> {
  const marker = feed.tracker(['clients']);
  const before = generationOf(tracker, fx.ws);
  await quiet();
  await changes(marker, fx.ws, () =>
    t.db
      .update(s.clients)
      .set({ name: `Acme ${randomUUID()}` })
      .where(eq(s.clients.id, fx.client)),
  );
  expect(tracker.generation(fx.ws)).toBe(before);
}

describe('change feed', () => {
  it('is live once started, and the listener shows under the pool’s name', async () => {
    expect(feed.live).toBe(true);
    const { rows } = await t.pool.query<{ query: string }>(
      'SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [`${APP}-changes`],
    );
    expect(rows.map((r) => r.query)).toEqual([`LISTEN ${CHANGE_CHANNEL}`]);
  });

  it('moves a workspace on for an insert, an update and a delete of its drafts, and no other workspace', async () => {
    const tracker = feed.tracker(['outgoing_emails']);
    const a = await fixture();
    const b = await fixture();
    const bBefore = generationOf(tracker, b.ws);
    let id = '';
    await changes(tracker, a.ws, async () => {
      id = await email(a);
    });
    await changes(tracker, a.ws, () => t.db.update(s.outgoingEmails).set({ subject: 'Changed' }).where(eq(s.outgoingEmails.id, id)));
    await changes(tracker, a.ws, () => t.db.delete(s.outgoingEmails).where(eq(s.outgoingEmails.id, id)));
    expect(tracker.generation(b.ws)).toBe(bBefore);
  });

  it('sends one notification per workspace for a bulk insert', async () => {
    const fx = await fixture();
    const spy = new pg.Client({ connectionString: t.url });
    const payloads: string[] = [];
    spy.on('notification', (n) => payloads.push(n.payload ?? ''));
    await spy.connect();
    try {
      await spy.query(`LISTEN ${CHANGE_CHANNEL}`);
      await t.db.insert(s.outgoingEmails).values([emailValues(fx), emailValues(fx), emailValues(fx)]);
      await t.db.update(s.clients).set({ name: 'Marker' }).where(eq(s.clients.id, fx.client));
      await until(() => payloads.includes(`clients:${fx.ws}`), 'the marker');
      expect(payloads.filter((p) => p === `outgoing_emails:${fx.ws}`)).toHaveLength(1);
    } finally {
      await spy.end();
    }
  });

  it('ignores an update that changes nothing', async () => {
    const tracker = feed.tracker(['outgoing_emails']);
    const fx = await fixture();
    let id = '';
    await changes(tracker, fx.ws, async () => {
      id = await email(fx);
    });
    await staysQuiet(tracker, fx, () => t.pool.query('UPDATE outgoing_emails SET subject = subject, html = html WHERE id = $1', [id]));
  });

  it('notifies for a thread only when its subject changes', async () => {
    const tracker = feed.tracker(['threads']);
    const fx = await fixture();
    await staysQuiet(tracker, fx, () =>
      t.db.update(s.threads).set({ lastMessageAt: new Date(), updatedAt: new Date() }).where(eq(s.threads.id, fx.thread)),
    );
    await changes(tracker, fx.ws, () => t.db.update(s.threads).set({ subject: 'Autumn campaign' }).where(eq(s.threads.id, fx.thread)));
  });

  it('notifies for an API key, but not when only last_used_at moves', async () => {
    const tracker = feed.tracker(['api_keys']);
    const fx = await fixture();
    const id = await apiKey(fx);
    await staysQuiet(tracker, fx, () => t.db.update(s.apiKeys).set({ lastUsedAt: new Date() }).where(eq(s.apiKeys.id, id)));
    await changes(tracker, fx.ws, () => t.db.update(s.apiKeys).set({ revokedAt: new Date() }).where(eq(s.apiKeys.id, id)));
  });

  it('does not move a tracker for a table it does not track', async () => {
    const keys = feed.tracker(['api_keys', 'operators']);
    const drafts = feed.tracker(['outgoing_emails']);
    const fx = await fixture();
    const before = generationOf(keys, fx.ws);
    await changes(drafts, fx.ws, () => email(fx));
    expect(keys.generation(fx.ws)).toBe(before);
  });

  it('moves a workspace on after the caller’s own write, at once', () => {
    const tracker = feed.tracker(['outgoing_emails']);
    const [a, b] = [randomUUID(), randomUUID()];
    const [aBefore, bBefore] = [generationOf(tracker, a), generationOf(tracker, b)];
    tracker.bump(a);
    expect(generationOf(tracker, a)).toBeGreaterThan(aBefore);
    expect(tracker.generation(b)).toBe(bBefore);
  });

  it('reports a malformed payload and carries on', async () => {
    const tracker = feed.tracker(['outgoing_emails']);
    const fx = await fixture();
    const before = generationOf(tracker, fx.ws);
    await t.pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, 'garbage']);
    await until(() => errors.some((e) => e.message.includes('malformed')), 'the report');
    expect(tracker.generation(fx.ws)).toBe(before);
    await changes(tracker, fx.ws, () => email(fx));
  });

  it('goes down when its connection dies, reconnects by itself, and moves every workspace on', async () => {
    const tracker = feed.tracker(['outgoing_emails']);
    const fx = await fixture();
    const other = randomUUID();
    tracker.bump(fx.ws);
    const [before, otherBefore] = [generationOf(tracker, fx.ws), generationOf(tracker, other)];
    const listener = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`;
    const { rows } = await t.pool.query<{ pid: number }>(listener, [`${APP}-changes`]);
    expect(rows).toHaveLength(1);
    await t.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
    await until(() => !feed.live, 'the feed to notice');
    expect(tracker.generation(fx.ws)).toBeNull();
    await until(() => feed.live, 'the feed to reconnect');
    // Whatever was missed while down: every workspace moves past what a cache may hold.
    expect(generationOf(tracker, fx.ws)).toBeGreaterThan(before);
    expect(generationOf(tracker, other)).toBeGreaterThan(otherBefore);
    const again = await t.pool.query<{ pid: number }>(listener, [`${APP}-changes`]);
    expect(again.rows.map((r) => r.pid)).not.toContain(rows[0]?.pid);
    await changes(tracker, fx.ws, () => email(fx));
  });
});

describe('change feed lifecycle', () => {
  it('gives no generation before start and after close, and closes twice', async () => {
    const own = createChangeFeed(pool);
    const tracker = own.tracker(['clients']);
    expect(own.live).toBe(false);
    expect(tracker.generation('w')).toBeNull();
    await own.start();
    expect(own.live).toBe(true);
    expect(tracker.generation('w')).toEqual(expect.any(Number));
    await own.close();
    expect(own.live).toBe(false);
    expect(tracker.generation('w')).toBeNull();
    await own.close();
  });

  it('starts while PostgreSQL is away, keeps retrying, and stays bypassed', async () => {
    const away = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', connectionTimeoutMillis: 1_000 });
    const failures: Error[] = [];
    const own = createChangeFeed(away, { onError: (e) => failures.push(e), retryMs: { first: 10, max: 40 } });
    try {
      await own.start();
      expect(own.live).toBe(false);
      expect(own.tracker(['clients']).generation('w')).toBeNull();
      await until(() => failures.length >= 3, 'retries');
    } finally {
      await own.close();
      await away.end();
    }
    const count = failures.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures.length).toBe(count);
  });
});
