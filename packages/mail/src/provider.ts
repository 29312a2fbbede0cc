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

/** Where push notifications should go, per provider. */
export interface PushTarget {
  /** Gmail: the Pub/Sub topic users.watch publishes to. */
  gmailTopic?: string;
  /** Graph: our webhook URLs and the fresh random clientState for a new subscription. */
  graphNotificationUrl?: string;
  graphLifecycleUrl?: string;
  clientState?: string;
}

export interface PushRegistration {
  /** Graph subscription id, or the Gmail topic. */
  externalId: string;
  /** When it must be renewed by (Gmail: daily, as Google recommends; Graph: before its expiry). */
  renewBy: Date;
  /** True when a new registration was created (a new clientState is then in force). */
  created: boolean;
}

/** What the sync and send workers need from a provider, whichever it is. */
export interface MailProviderClient {
  readonly provider: 'gmail' | 'graph';
  /** The mailbox's own address, as the provider knows it (lower-cased). */
  address(): Promise<string>;
  /**
   * Creates or renews the mailbox's push registration. `existing` is the stored one
   * (renewed in place when the provider still knows it); null when push is not
   * configured for this provider.
   */
  registerPush(target: PushTarget, existing: { externalId: string } | null): Promise<PushRegistration | null>;
  sync(request: SyncRequest): AsyncIterable<SyncPage>;
  send(message: OutgoingMime): Promise<SentReceipt>;
  /** After an ambiguous send failure: is our Message-ID already in Sent? */
  findSent(messageId: string): Promise<SentReceipt | null>;
}
