import type { ClientRegistry, GoogleOAuthClient } from '../google-oauth/clients';
import type { GoogleGrants } from '../google-oauth/grants';
import { GMAIL_READONLY, GMAIL_SEND } from '../google-oauth/scopes';
import type { DelaySpec, FaultInjector, FaultSpec } from './faults';
import type { Mailboxes, StoredMessage } from './mailbox';
import { parseMime } from './mime';
import type { PushAttempt, PushNotifier } from './push';
import type { GmailUserStats, StatsBook } from './stats';
import { threadForDelivery } from './threading';

export interface DeliverOptions {
  /** Default ['INBOX', 'UNREAD']. */
  labelIds?: readonly string[];
  /** Force this (existing) thread instead of Gmail's header-and-subject rule. */
  threadId?: string;
  /** Default: the sandbox clock's now. */
  internalDate?: Date | number;
}

export interface DeliveredMessage {
  id: string;
  threadId: string;
  historyId: string;
}

/** A stored message as tests see it. */
export interface SandboxMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: Date;
  historyId: string;
  /** The stored RFC 5322 bytes. */
  raw: Buffer;
  /** Without angle brackets. */
  messageId: string | undefined;
  subject: string;
}

/** Token-endpoint grants served per user, to see that a client refreshed. */
export interface TokenIssuance {
  authorizationCode: number;
  refreshToken: number;
}

/** In-process control of the sandbox, for tests, the demo and benchmarks. */
export interface GmailSandboxAdmin {
  /** Creates (or returns) a mailbox; its current historyId. */
  createUser(address: string): { address: string; historyId: string };
  registerClient(client: GoogleOAuthClient): void;
  /** Consent without the browser: a refresh token for `scope` (default gmail.readonly + gmail.send); creates the mailbox if needed. */
  grant(address: string, scope?: string): string;
  /** Inbound mail arriving in the mailbox. */
  deliver(address: string, raw: Buffer | string, options?: DeliverOptions): DeliveredMessage;
  /** The user removes the app's access: every grant of theirs is revoked. */
  revoke(address: string): void;
  messages(address: string): SandboxMessage[];
  historyId(address: string): string;
  /** Forget history before `historyId` (every mailbox, or one): older startHistoryIds get 404. */
  expireHistoryBefore(historyId: string | number, address?: string): void;
  stats(address: string): GmailUserStats;
  resetStats(address?: string): void;
  tokenIssuance(address: string): TokenIssuance;
  injectFaults(spec: FaultSpec): void;
  injectDelay(spec: DelaySpec): void;
  clearFaults(): void;
  /** A push OIDC token as the sandbox signs them, with claims overridden (undefined removes one) or a foreign key. */
  signPushToken(overrides?: Record<string, unknown>, options?: { unknownKey?: boolean }): Promise<string>;
  /** Every push delivery attempt so far. */
  pushes(): readonly PushAttempt[];
  /** Waits until no push is scheduled or in flight. */
  settlePushes(): Promise<void>;
}

export interface AdminDeps {
  mailboxes: Mailboxes;
  grants: GoogleGrants;
  clients: ClientRegistry;
  faults: FaultInjector;
  stats: StatsBook;
  push: PushNotifier;
  issuance: Map<string, TokenIssuance>;
  now(): number;
}

export function createAdmin(deps: AdminDeps): GmailSandboxAdmin {
  return {
    createUser(address) {
      const mailbox = deps.mailboxes.create(address);
      return { address: mailbox.address, historyId: String(mailbox.historyId) };
    },
    registerClient: (client) => deps.clients.register(client),
    grant(address, scope = `${GMAIL_READONLY} ${GMAIL_SEND}`) {
      const mailbox = deps.mailboxes.create(address);
      return deps.grants.create(mailbox.address, scope, undefined).refreshToken;
    },
    deliver(address, raw, options = {}) {
      const mailbox = deps.mailboxes.require(address);
      const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
      const mime = parseMime(bytes);
      if (options.threadId !== undefined && !mailbox.hasThread(options.threadId))
        throw new Error(`gmail sandbox: no thread ${options.threadId} in ${address}`);
      const message = mailbox.add({
        raw: bytes,
        mime,
        labelIds: options.labelIds ?? ['INBOX', 'UNREAD'],
        internalDate: options.internalDate === undefined ? deps.now() : Number(options.internalDate),
        threadId: options.threadId ?? threadForDelivery(mailbox, mime),
      });
      return { id: message.id, threadId: message.threadId, historyId: String(message.historyId) };
    },
    revoke: (address) => deps.grants.revokeUser(address),
    messages: (address) => deps.mailboxes.require(address).all().map(view),
    historyId: (address) => String(deps.mailboxes.require(address).historyId),
    expireHistoryBefore(historyId, address) {
      const boxes = address === undefined ? deps.mailboxes.all() : [deps.mailboxes.require(address)];
      for (const mailbox of boxes) mailbox.history.expireBefore(Number(historyId));
    },
    stats: (address) => deps.stats.snapshot(address),
    resetStats: (address) => deps.stats.reset(address),
    tokenIssuance: (address) => ({ ...(deps.issuance.get(address.toLowerCase()) ?? { authorizationCode: 0, refreshToken: 0 }) }),
    injectFaults: (spec) => deps.faults.injectFaults(spec),
    injectDelay: (spec) => deps.faults.injectDelay(spec),
    clearFaults: () => deps.faults.clear(),
    signPushToken: (overrides, options) => deps.push.signToken(overrides, options),
    pushes: () => deps.push.attempts(),
    settlePushes: () => deps.push.settle(),
  };
}

function view(message: StoredMessage): SandboxMessage {
  return {
    id: message.id,
    threadId: message.threadId,
    labelIds: [...message.labelIds],
    internalDate: new Date(message.internalDate),
    historyId: String(message.historyId),
    raw: message.raw,
    messageId: message.messageId,
    subject: message.subject,
  };
}
