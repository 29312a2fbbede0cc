/**
 * What the API keeps in memory between requests (review queue pages, API keys), and when it
 * lets go: the classes on a generation source the test moves by hand, so "kept" and "read
 * again" are seen exactly; then the whole API on the real change feed, where a change made by
 * another process shows once PostgreSQL has told the API of it.
 */
import { type ApiChanges, forgetAfterWrites, KnownApiKeys, ReviewQueuePages } from '@firmly/api';
import { parseApiKeyPrefix } from '@firmly/config';
import { schema } from '@firmly/db';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { DAY, MONDAY_9, reviewHarness, SATURDAY_NIGHT, WEDNESDAY_10 } from './review-harness';

const { t, clock, workspace, draft, get, post } = reviewHarness();
const HOUR = 3_600_000;

/** A workspace generation the test moves: `null` is "changes cannot be followed". */
class HandMovedGenerations {
  value: number | null = 1;
  generation(): number | null {
    return this.value;
  }
  change(): void {
    if (this.value !== null) this.value += 1;
  }
}

type Page = {
  items: Array<{ id: string; ageSeconds: number; sendPlan: { earliestSendAt: string | null; note: string } }>;
  nextCursor: string | null;
};

function pagesWith(generations: HandMovedGenerations | null, maxAgeMs?: number) {
  const pages = new ReviewQueuePages({ db: t.db, changes: generations, ...(maxAgeMs ? { maxAgeMs } : {}) });
  let reads = 0;
  const page = async (workspaceId: string, at: Date, query: { limit?: number; state?: 'approved' } = {}) => {
    const answer = await pages.page(
      workspaceId,
      { limit: query.limit ?? 20, ...(query.state ? { state: query.state } : {}) },
      at,
      async () => {
        reads += 1;
      },
    );
    if (!answer.ok) throw new Error(answer.detail);
    return { kept: answer.kept, page: JSON.parse(answer.json.toString('utf8')) as Page };
  };
  return { page, reads: () => reads };
}

const ids = (page: Page) => page.items.map((item) => item.id);

describe('review queue pages kept in memory', () => {
  it('are answered again until the workspace changes; a change they were not told of is not seen, one they were told of is', async () => {
    const w = await workspace('cache-keep');
    const first = await draft(w, { createdAt: new Date(WEDNESDAY_10.getTime() - 2 * DAY) });
    const generations = new HandMovedGenerations();
    const { page } = pagesWith(generations);

    expect(await page(w.workspaceId, WEDNESDAY_10)).toMatchObject({ kept: false });
    const second = await draft(w);
    const again = await page(w.workspaceId, WEDNESDAY_10);
    expect(again.kept).toBe(true);
    expect(ids(again.page)).toEqual([first.id]);

    generations.change();
    const changed = await page(w.workspaceId, WEDNESDAY_10);
    expect(changed.kept).toBe(false);
    expect(ids(changed.page)).toEqual([first.id, second.id]);
  });

  it('are read every time while changes cannot be followed', async () => {
    const w = await workspace('cache-off');
    const generations = new HandMovedGenerations();
    generations.value = null;
    const { page, reads } = pagesWith(generations);
    await draft(w);
    expect((await page(w.workspaceId, WEDNESDAY_10)).kept).toBe(false);
    await draft(w);
    const next = await page(w.workspaceId, WEDNESDAY_10);
    expect(next.kept).toBe(false);
    expect(next.page.items).toHaveLength(2);
    expect(reads()).toBe(2);
  });

  it('write age and send plan at each request, exactly as a page read at that instant', async () => {
    const w = await workspace('cache-clock');
    await draft(w, { createdAt: new Date(SATURDAY_NIGHT.getTime() - DAY) });
    await draft(w, { createdAt: new Date(SATURDAY_NIGHT.getTime() - 2 * DAY), threadId: null });
    await draft(w, { createdAt: new Date(SATURDAY_NIGHT.getTime() - 3 * DAY), state: 'approved', sendAfter: new Date(MONDAY_9) });
    const kept = pagesWith(new HandMovedGenerations(), 7 * DAY);
    const fresh = pagesWith(null);
    const mondayTen = new Date(Date.parse(MONDAY_9) + HOUR);
    // Saturday night, an hour later (still closed), Monday 10:00 (open: sends "now").
    for (const at of [SATURDAY_NIGHT, new Date(SATURDAY_NIGHT.getTime() + HOUR), mondayTen]) {
      for (const state of [undefined, 'approved'] as const) {
        const answer = await kept.page(w.workspaceId, at, state ? { state } : {});
        expect(answer.page).toEqual((await fresh.page(w.workspaceId, at, state ? { state } : {})).page);
      }
    }
    const saturday = await kept.page(w.workspaceId, SATURDAY_NIGHT);
    const later = await kept.page(w.workspaceId, new Date(SATURDAY_NIGHT.getTime() + HOUR));
    expect(later.kept).toBe(true);
    expect(later.page.items[0]?.ageSeconds).toBe((saturday.page.items[0]?.ageSeconds ?? 0) + 3_600);
    expect(later.page.items[0]?.sendPlan.earliestSendAt).toBe(MONDAY_9);
    const monday = await kept.page(w.workspaceId, mondayTen);
    expect(monday.kept).toBe(true);
    expect(monday.page.items[0]?.sendPlan.earliestSendAt).toBe(mondayTen.toISOString());
    expect(monday.page.items[0]?.sendPlan.note).toMatch(/right away/);
  });

  it('show a snoozed draft again once its snooze ends, with no change told', async () => {
    const w = await workspace('cache-snooze');
    const until = new Date(WEDNESDAY_10.getTime() + HOUR);
    const snoozed = await draft(w, { snoozedUntil: until });
    // Kept for longer than the snooze: the snooze's end is what lets go of it.
    const { page } = pagesWith(new HandMovedGenerations(), DAY);
    expect(ids((await page(w.workspaceId, WEDNESDAY_10)).page)).toEqual([]);
    expect((await page(w.workspaceId, new Date(until.getTime() - 1))).kept).toBe(true);
    const back = await page(w.workspaceId, until);
    expect(back.kept).toBe(false);
    expect(ids(back.page)).toEqual([snoozed.id]);
  });

  it('are read once for requests that come together, and not kept when the workspace changed during the read', async () => {
    const w = await workspace('cache-together');
    await draft(w);
    const generations = new HandMovedGenerations();
    const { page, reads } = pagesWith(generations);
    const answers = await Promise.all(Array.from({ length: 20 }, () => page(w.workspaceId, WEDNESDAY_10)));
    expect(reads()).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.page))).size).toBe(1);

    const changing = new ReviewQueuePages({ db: t.db, changes: generations });
    const read = () => changing.page(w.workspaceId, { limit: 20 }, WEDNESDAY_10, async () => generations.change());
    expect(await read()).toMatchObject({ ok: true, kept: false });
    expect(await read()).toMatchObject({ ok: true, kept: false });
  });

  it('are not used for an earlier instant than they were read at', async () => {
    const w = await workspace('cache-back');
    await draft(w, { snoozedUntil: new Date(WEDNESDAY_10.getTime() - HOUR) });
    const { page } = pagesWith(new HandMovedGenerations());
    expect(ids((await page(w.workspaceId, WEDNESDAY_10)).page)).toHaveLength(1);
    const before = await page(w.workspaceId, new Date(WEDNESDAY_10.getTime() - 2 * HOUR));
    expect(before.kept).toBe(false);
    expect(ids(before.page)).toEqual([]);
  });
});

describe('API keys kept in memory', () => {
  async function keyOf(slug: string) {
    const w = await workspace(slug);
    const token = w.auth.authorization.slice('Bearer '.length);
    const prefix = parseApiKeyPrefix(token);
    if (!prefix) throw new Error('no prefix');
    return { w, prefix };
  }
  const revoke = (prefix: string) => t.db.update(schema.apiKeys).set({ revokedAt: new Date() }).where(eq(schema.apiKeys.prefix, prefix));

  it('are used until their workspace’s callers change, then read again', async () => {
    const { prefix } = await keyOf('keys-keep');
    const generations = new HandMovedGenerations();
    const keys = new KnownApiKeys(t.db, generations);
    expect(await keys.find(prefix, WEDNESDAY_10)).toBeDefined();
    await revoke(prefix);
    expect(await keys.find(prefix, WEDNESDAY_10)).toBeDefined();
    generations.change();
    expect(await keys.find(prefix, WEDNESDAY_10)).toBeUndefined();
  });

  it('are read every time while changes cannot be followed, and stop at their expiry by the clock', async () => {
    const { prefix } = await keyOf('keys-off');
    const off = new HandMovedGenerations();
    off.value = null;
    const uncached = new KnownApiKeys(t.db, off);
    const expiresAt = new Date(WEDNESDAY_10.getTime() + HOUR);
    await t.db.update(schema.apiKeys).set({ expiresAt }).where(eq(schema.apiKeys.prefix, prefix));
    const kept = new KnownApiKeys(t.db, new HandMovedGenerations());
    expect(await kept.find(prefix, WEDNESDAY_10)).toBeDefined();
    expect(await kept.find(prefix, expiresAt)).toBeUndefined();
    expect(await uncached.find(prefix, WEDNESDAY_10)).toBeDefined();
    await revoke(prefix);
    expect(await uncached.find(prefix, WEDNESDAY_10)).toBeUndefined();
  });
});

describe('after a write', () => {
  it('the caller’s workspace is marked changed before the answer leaves; reads and unauthenticated calls mark nothing', async () => {
    const changed: string[] = [];
    const changes = { changed: (workspaceId: string) => changed.push(workspaceId) } as unknown as ApiChanges;
    const app = Fastify();
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      if (request.headers['x-workspace']) {
        request.principal = {
          workspaceId: String(request.headers['x-workspace']),
          operatorId: 'op',
          scopes: new Set(['read', 'review']),
          via: { kind: 'api_key', apiKeyId: 'k' },
        };
      }
    });
    forgetAfterWrites(app, changes);
    app.get('/thing', async () => ({ ok: true }));
    app.post('/thing', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/thing', headers: { 'x-workspace': 'w1' } });
    await app.inject({ method: 'POST', url: '/thing' });
    expect(changed).toEqual([]);
    await app.inject({ method: 'POST', url: '/thing', headers: { 'x-workspace': 'w1' } });
    expect(changed).toEqual(['w1']);
    await app.close();
  });
});

describe('the API on the real change feed', () => {
  /** Asks until `done` holds: another process's change arrives by notification, a few milliseconds after its commit. */
  async function eventually(check: () => Promise<boolean>): Promise<boolean> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }

  it('shows a draft another process cancelled, and refuses a key another process revoked', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('feed-other');
    const gone = await draft(w);
    const stays = await draft(w, { createdAt: new Date(WEDNESDAY_10.getTime() - 2 * DAY) });
    const listed = async () => ((await get('/v1/review-queue', w.auth)).json() as Page).items.map((item) => item.id);
    expect(await listed()).toEqual([stays.id, gone.id]);
    // As the worker does when a draft's cause is gone.
    await t.db.update(schema.outgoingEmails).set({ state: 'cancelled', stateReason: 'paid' }).where(eq(schema.outgoingEmails.id, gone.id));
    expect(await eventually(async () => (await listed()).length === 1)).toBe(true);
    expect(await listed()).toEqual([stays.id]);

    expect((await get('/v1/session', w.auth)).statusCode).toBe(200);
    const token = w.auth.authorization.slice('Bearer '.length);
    await t.db
      .update(schema.apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(schema.apiKeys.prefix, parseApiKeyPrefix(token) ?? ''));
    expect(await eventually(async () => (await get('/v1/session', w.auth)).statusCode === 401)).toBe(true);
  });

  it('answers the caller’s next read with its own change in it', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('feed-own');
    const email = await draft(w);
    expect(((await get('/v1/review-queue', w.auth)).json() as Page).items.map((item) => item.id)).toEqual([email.id]);
    expect((await post(`/v1/review-queue/${email.id}/approve`, w.auth)).statusCode).toBe(200);
    expect(((await get('/v1/review-queue', w.auth)).json() as Page).items).toEqual([]);
  });
});
