import type { ProviderMessage } from './model';

/** Where a mailbox's sync stands (stored in mailboxes.sync_cursor). */
export type SyncCursor = { provider: 'gmail'; historyId: string } | { provider: 'graph'; deltaLinks: Record<string, string> };

/**
 * One step of a sync: messages to store, and the cursor that becomes valid once
 * they are stored. The caller stores both in one transaction, so the cursor never
 * runs ahead of the record (issue 3: "the cursor advances only after the messages it
 * covers are stored").
 */
export interface SyncPage {
  messages: ProviderMessage[];
  /** Null while a back-fill is still underway and no cursor may be stored yet. */
  cursor: SyncCursor | null;
  /** Why this page exists, for logs and metrics. */
  phase: 'backfill' | 'incremental' | 'relist';
}

export interface SyncRequest {
  cursor: SyncCursor | null;
  /** First sync: how far back to back-fill. */
  backfillSince: Date;
  /** After an expired cursor: re-list from the last successful sync minus a margin. */
  lastSyncedAt: Date | null;
}

/** A fully composed RFC 5322 message and where it goes. */
export interface OutgoingMime {
  raw: Buffer;
  /** Our own Message-ID, without angle brackets. */
  messageId: string;
  /** The provider thread to reply into (Gmail threadId / Graph conversationId). */
  providerThreadId?: string;
  /** Graph replies: the provider id of the message being answered. */
  replyToProviderMessageId?: string;
}

export interface SentReceipt {
  providerMessageId: string | null;
  providerThreadId: string | null;
}

/** What the sync and send workers need from a provider, whichever it is. */
export interface MailProviderClient {
  readonly provider: 'gmail' | 'graph';
  sync(request: SyncRequest): AsyncIterable<SyncPage>;
  send(message: OutgoingMime): Promise<SentReceipt>;
  /** After an ambiguous send failure: is our Message-ID already in Sent? */
  findSent(messageId: string): Promise<SentReceipt | null>;
}
