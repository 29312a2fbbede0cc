import type { Clock } from '@firmly/core';
import { advanceSyncCursor, type Database, type IngestMessage, ingestMessages, schema } from '@firmly/db';
import type { MailProviderClient, NormalizedMessage, ProviderMessage } from '@firmly/mail';
import type { JobData, Leases } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';

type MailboxRow = typeof schema.mailboxes.$inferSelect;

export interface SyncMailboxDeps {
  db: Database;
  leases: Leases;
  clock: Clock;
  log: Logger;
  providerFor: (mailbox: MailboxRow) => Promise<MailProviderClient>;
  normalise: (message: ProviderMessage, mailbox: MailboxRow) => Promise<NormalizedMessage>;
  /** Visible text of a parsed message (quotes and signatures stripped); identity until analysis lands. */
  visibleText: (message: Extract<NormalizedMessage, { status: 'ok' }>) => string;
  backfillDays: number;
  /** Told which threads got new messages, so analysis can re-run on just those. */
  onThreadsChanged: (workspaceId: string, threadIds: string[]) => Promise<void>;
}

export interface SyncOutcome {
  status: 'synced' | 'locked' | 'inactive';
  stored: number;
  duplicates: number;
  pages: number;
}

const LEASE_MS = 60_000;
/** A sync re-runs while pushes keep arriving during it, but not forever. */
const MAX_ROUNDS = 5;

/**
 * One sync of one mailbox, whichever provider (issue 3, "Reading"). Only one runs
 * per mailbox at a time, across all workers: the lease. Each page is stored with
 * its cursor in one transaction, so a crash mid-sync resumes from the last stored
 * page and loses nothing; storing is idempotent, so repeating a page is harmless.
 */
export function syncMailboxJob(deps: SyncMailboxDeps) {
  return async (data: JobData<'sync', 'mailbox.sync'>): Promise<SyncOutcome> => {
    const outcome: SyncOutcome = { status: 'synced', stored: 0, duplicates: 0, pages: 0 };
    const lease = await deps.leases.acquire(`mailbox-sync:${data.mailboxId}`, LEASE_MS);
    // Another worker is syncing this mailbox right now; it re-runs if pushes arrive meanwhile.
    if (!lease) return { ...outcome, status: 'locked' };
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const startedAt = deps.clock.now();
        const mailbox = await loadMailbox(deps.db, data.workspaceId, data.mailboxId);
        if (mailbox?.status !== 'active') return { ...outcome, status: 'inactive' };
        const provider = await deps.providerFor(mailbox);
        const pages = provider.sync({
          cursor: mailbox.syncCursor,
          backfillSince: new Date(startedAt.getTime() - deps.backfillDays * 86_400_000),
          lastSyncedAt: mailbox.lastSyncedAt,
        });
        for await (const page of prefetched(pages)) {
          if (!(await lease.extend(LEASE_MS))) throw new Error('lost the mailbox sync lease mid-sync; another worker took over');
          const normalised = await Promise.all(page.messages.map((m) => deps.normalise(m, mailbox)));
          const result = await deps.db.transaction(async (tx) => {
            const stored = await ingestMessages(
              tx,
              mailbox,
              normalised.map((n) => toIngest(n, deps.visibleText)),
            );
            if (page.cursor) await advanceSyncCursor(tx, mailbox.id, page.cursor, deps.clock.now());
            return stored;
          });
          outcome.pages += 1;
          outcome.stored += result.inserted;
          outcome.duplicates += result.duplicates;
          if (result.touchedThreadIds.length > 0) await deps.onThreadsChanged(mailbox.workspaceId, result.touchedThreadIds);
          const malformed = normalised.filter((n) => n.status === 'malformed').length;
          if (malformed > 0) deps.log.warn({ mailboxId: mailbox.id, malformed }, 'stored malformed messages as such');
        }
        // A push that arrived while this round ran may describe mail this round missed.
        const after = await loadMailbox(deps.db, data.workspaceId, data.mailboxId);
        if (!after?.lastPushAt || after.lastPushAt <= startedAt) break;
      }
      deps.log.info({ mailboxId: data.mailboxId, reason: data.reason, ...outcome }, 'mailbox synced');
      return outcome;
    } finally {
      await lease.release();
    }
  };
}

/**
 * Asks the provider for the next page while the current one is parsed and stored,
 * so network and database time overlap. Pages are still handled strictly in order,
 * so a cursor is never stored before the pages it covers.
 */
async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = iterator.next();
    // A failure of the prefetch surfaces when it is awaited, not as an unhandled rejection.
    next.catch(() => undefined);
    yield current.value;
  }
}

async function loadMailbox(db: Database, workspaceId: string, mailboxId: string): Promise<MailboxRow | undefined> {
  const [row] = await db
    .select()
    .from(schema.mailboxes)
    .where(and(eq(schema.mailboxes.workspaceId, workspaceId), eq(schema.mailboxes.id, mailboxId)));
  return row;
}

function toIngest(n: NormalizedMessage, visibleText: SyncMailboxDeps['visibleText']): IngestMessage {
  if (n.status === 'malformed') {
    return {
      providerMessageId: n.providerMessageId,
      providerThreadId: n.providerThreadId,
      references: [],
      direction: 'inbound',
      to: [],
      cc: [],
      sentAt: n.sentAt,
      visibleText: '',
      isAutoReply: false,
      attachments: [],
      parseStatus: 'malformed',
      parseError: n.error,
    };
  }
  const p = n.parsed;
  return {
    providerMessageId: n.providerMessageId,
    providerThreadId: n.providerThreadId,
    internetMessageId: p.messageId ?? null,
    inReplyTo: p.inReplyTo ?? null,
    references: p.references,
    direction: n.direction,
    from: p.from ?? null,
    to: p.to,
    cc: p.cc,
    subject: p.subject ?? null,
    sentAt: n.sentAt,
    visibleText: visibleText(n),
    visibleTextNote: n.visibleTextNote ?? null,
    isAutoReply: p.autoReply.isAutoReply,
    autoReplyReason: p.autoReply.reason ?? null,
    attachments: p.attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: a.size })),
    parseStatus: 'ok',
  };
}
