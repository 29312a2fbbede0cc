/**
 * Review queue pages kept in memory between requests.
 *
 * The console (and every open tab of it) asks for the same first page again and again, and
 * the queue changes far less often than it is read. A page is kept with the workspace's
 * change generation it was read at (PostgreSQL NOTIFY from outgoing_emails, clients, threads
 * and escalations; see @firmly/db change-feed) and is answered again while:
 *
 * - the generation is unchanged: no draft, client, thread subject or escalation of the
 *   workspace changed, in any process (the API bumps it itself after its own writes, so a
 *   caller's next read never waits for the notification);
 * - the change feed is listening (while it is not, nothing is kept or reused);
 * - no snoozed draft has come back since (the page remembers the next snooze end);
 * - it is younger than `maxAgeMs`, a backstop only.
 *
 * What moves with the clock (age, send plan) is written at each request from the prepared
 * items. PostgreSQL stays the record; a change made by another process shows once its
 * notification arrives, within milliseconds of its commit.
 */
import { type Database, nextSnoozeEnd, type ReviewProblem, type ReviewQueueOptions, reviewQueue } from '@firmly/db';
import { JsonBytes } from './json-bytes';
import { draftSendTimes, PreparedReviewItem } from './review-item';

/** A workspace's change generation: null while changes cannot be followed (nothing may be kept then). */
export interface ChangeGenerations {
  generation(workspaceId: string): number | null;
}

export type QueuePageQuery = Omit<ReviewQueueOptions, 'now'>;

interface KeptPage {
  workspaceId: string;
  generation: number;
  /** The clock when it was read: membership (snoozes) is only known from then on. */
  readAt: number;
  /** Until when the page stands as far as time goes: the next snooze end, or the backstop age. */
  validUntil: number;
  items: PreparedReviewItem[];
  nextCursor: string | null;
}

export interface ReviewQueuePagesOptions {
  db: Database;
  changes: ChangeGenerations | null;
  /** Pages kept across all workspaces (least recently read go first). */
  maxPages?: number;
  maxAgeMs?: number;
}

/** `json`: the page as UTF-8 JSON. */
/** `json`: the page as UTF-8 JSON; `kept`: answered from memory. */
export type QueuePageAnswer = { ok: true; json: Buffer; kept: boolean } | ReviewProblem;

type PageRead = { ok: true; page: KeptPage } | ReviewProblem;

export class ReviewQueuePages {
  private readonly pages = new Map<string, KeptPage>();
  /** Reads under way, by page: requests for the same page in the same generation wait for one read. */
  private readonly reading = new Map<string, { generation: number; read: Promise<PageRead> }>();
  private readonly maxPages: number;
  private readonly maxAgeMs: number;

  constructor(private readonly options: ReviewQueuePagesOptions) {
    this.maxPages = options.maxPages ?? 2_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  }

  /**
   * The page as JSON. `checkFirst` runs before the page is read from PostgreSQL (the
   * route's ownership check of a client filter); a kept page was read after it passed, in the
   * same generation, so it is not repeated.
   */
  async page(workspaceId: string, query: QueuePageQuery, now: Date, checkFirst: () => Promise<void>): Promise<QueuePageAnswer> {
    const key = pageKey(workspaceId, query);
    const generation = this.options.changes?.generation(workspaceId) ?? null;
    if (generation === null) return answerOf(await this.read(workspaceId, query, now, null, checkFirst), now, false);

    const time = now.getTime();
    const kept = this.pages.get(key);
    if (kept && kept.generation === generation && time >= kept.readAt && time < kept.validUntil) {
      // Least recently read first: a Map keeps insertion order.
      this.pages.delete(key);
      this.pages.set(key, kept);
      return answerOf({ ok: true, page: kept }, now, true);
    }
    if (kept) this.pages.delete(key);

    // Right after a change every open console asks at once: one read answers them all. Only a
    // read begun in this same generation will do, so a caller's read after its own write
    // never gets a page read before it.
    const underWay = this.reading.get(key);
    if (underWay && underWay.generation === generation) return answerOf(await underWay.read, now, true);
    const read = this.read(workspaceId, query, now, generation, checkFirst);
    this.reading.set(key, { generation, read });
    const done = () => {
      if (this.reading.get(key)?.read === read) this.reading.delete(key);
    };
    read.then(done, done);
    const result = await read;
    if (result.ok) this.keep(key, result.page);
    return answerOf(result, now, false);
  }

  /** How many pages are kept (for /metrics and tests). */
  get size(): number {
    return this.pages.size;
  }

  private async read(
    workspaceId: string,
    query: QueuePageQuery,
    now: Date,
    generation: number | null,
    checkFirst: () => Promise<void>,
  ): Promise<PageRead> {
    await checkFirst();
    const read = await reviewQueue(this.options.db, workspaceId, { ...query, now });
    if (!read.ok) return read;
    const sendTimes = draftSendTimes(read.calendars);
    const items = read.items.map((email) => new PreparedReviewItem(email, read.contexts.get(email.id), sendTimes(email.clientId), now));
    const time = now.getTime();
    const page: KeptPage = {
      workspaceId,
      generation: generation ?? -1,
      readAt: time,
      validUntil: time,
      items,
      nextCursor: read.nextCursor,
    };
    if (generation === null) return { ok: true, page };
    const pendingOnly = (query.state ?? 'pending_review') === 'pending_review';
    const snoozeEnd = pendingOnly ? await nextSnoozeEnd(this.options.db, workspaceId, now) : null;
    page.validUntil = Math.min(time + this.maxAgeMs, snoozeEnd?.getTime() ?? Number.POSITIVE_INFINITY);
    return { ok: true, page };
  }

  private keep(key: string, page: KeptPage): void {
    // Changed while it was being read: the page may hold either side of the change.
    if (this.options.changes?.generation(page.workspaceId) !== page.generation) return;
    this.pages.set(key, page);
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }
}

function answerOf(read: PageRead, now: Date, kept: boolean): QueuePageAnswer {
  return read.ok ? { ok: true, json: pageJson(read.page.items, read.page.nextCursor, now), kept } : read;
}

function pageKey(workspaceId: string, query: QueuePageQuery): string {
  return [workspaceId, query.state ?? '', query.clientId ?? '', query.kind ?? '', query.limit, query.cursor ?? ''].join('\u0000');
}

const PAGE_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

function pageJson(items: readonly PreparedReviewItem[], nextCursor: string | null, now: Date): Buffer {
  const out = new JsonBytes().bytes(PAGE_OPEN);
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) out.bytes(COMMA);
    (items[index] as PreparedReviewItem).write(now, out);
  }
  return out.bytes(Buffer.from(`],"nextCursor":${JSON.stringify(nextCursor)}}`)).finish();
}
