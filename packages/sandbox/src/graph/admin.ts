import type { LifecycleEventType, Subscription } from '@microsoft/microsoft-graph-types';
import type { IdentityState } from '../microsoft-oauth/identity';
import type { DelaySpec, FaultSpec } from './faults';
import type { FolderName, StoredMessage } from './mailbox';
import { messageFromMime } from './message-factory';
import type { MailAddress } from './mime';
import type { NotificationRecord } from './notifier';
import type { GraphSandboxState, MailboxStats } from './state';

/** The scope admin.grant gives when none is named: what firmly asks for. */
export const DEFAULT_SCOPE = 'offline_access Mail.ReadWrite Mail.Send User.Read';

export interface SandboxMessageView {
  id: string;
  folder: FolderName;
  conversationId: string;
  internetMessageId: string;
  subject: string;
  from: MailAddress | undefined;
  to: MailAddress[];
  cc: MailAddress[];
  receivedAt: Date;
  sentAt: Date | undefined;
  isDraft: boolean;
  mime: Buffer;
}

export interface DeliverOptions {
  /** Well-known name or folder id; default inbox. */
  folder?: string;
  receivedAt?: Date;
  /** Forces the conversation; by default threaded by In-Reply-To / References like a send. */
  conversationId?: string;
}

/** In-process control of the sandbox, for tests and the demo seeding. Addresses are case-insensitive. */
export interface GraphSandboxAdmin {
  createUser(address: string, options?: { displayName?: string }): { id: string; address: string };
  /** A consented grant, as if the user had gone through /authorize; returns its refresh token. Creates the user if needed. */
  grant(address: string, scope?: string): string;
  /** A message arriving from outside; returns its Graph id. Triggers delta changes and notifications. */
  deliver(address: string, mime: Buffer, options?: DeliverOptions): string;
  /** Deletes a message (delta: `@removed`; notification: deleted). */
  remove(address: string, id: string): void;
  /** Moves a message (delta: `@removed` in the old folder, the message in the new one). */
  move(address: string, id: string, folder: string): void;
  /** The user withdrew consent: refreshes fail with invalid_grant, access tokens with 401. */
  revoke(address: string): void;
  /** Refreshes fail with interaction_required (AADSTS65001) until the user goes through /authorize again. */
  requireConsent(address: string): void;
  messages(address: string, folder?: string): SandboxMessageView[];
  /** Every delta/skip token issued so far (for one mailbox, or all) answers 410 syncStateNotFound. */
  expireDeltaTokens(address?: string): void;
  stats(address: string): MailboxStats & { inFlight: number };
  injectFaults(spec: FaultSpec): void;
  injectDelay(spec: DelaySpec): void;
  clearFaults(): void;
  subscriptions(address?: string): Subscription[];
  /** Posts a lifecycle notification to the subscription's lifecycleNotificationUrl and returns what it answered. */
  sendLifecycle(subscriptionId: string, event: LifecycleEventType): Promise<{ status?: number; error?: string }>;
  /** Every validation, change and lifecycle request the sandbox made, with the answer's status or error. */
  notifications(): readonly NotificationRecord[];
  /** Waits until notifications in flight have been answered (or timed out). */
  settleNotifications(): Promise<void>;
}

const view = (message: StoredMessage): SandboxMessageView => ({
  id: message.id,
  folder: message.folder,
  conversationId: message.conversationId,
  internetMessageId: message.internetMessageId,
  subject: message.subject,
  from: message.from,
  to: message.to,
  cc: message.cc,
  receivedAt: message.receivedAt,
  sentAt: message.sentAt,
  isDraft: message.isDraft,
  mime: message.mime,
});

export function createAdmin(state: GraphSandboxState, identity: IdentityState): GraphSandboxAdmin {
  const folderOf = (address: string, folder: string): FolderName => {
    const name = state.requireMailbox(address).resolveFolder(folder);
    if (!name) throw new Error(`unknown folder ${folder}`);
    return name;
  };
  return {
    createUser(address, options) {
      const { user } = state.createUser(address, options?.displayName);
      return { id: user.id, address: user.address };
    },
    grant(address, scope = DEFAULT_SCOPE) {
      state.createUser(address);
      return identity.grant(address, scope).refreshToken;
    },
    deliver(address, mime, options = {}) {
      const mailbox = state.requireMailbox(address);
      const message = messageFromMime(mailbox, mime, {
        folder: folderOf(address, options.folder ?? 'inbox'),
        now: state.now(),
        ...(options.receivedAt ? { receivedAt: options.receivedAt } : {}),
        ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      });
      state.addMessage(mailbox, message);
      return message.id;
    },
    remove(address, id) {
      if (!state.removeMessage(state.requireMailbox(address), id)) throw new Error(`no message ${id} in ${address}`);
    },
    move(address, id, folder) {
      if (!state.moveMessage(state.requireMailbox(address), id, folderOf(address, folder)))
        throw new Error(`no message ${id} in ${address}`);
    },
    revoke(address) {
      state.tokens.revokeUser(address);
    },
    requireConsent(address) {
      identity.requireConsent(address);
    },
    messages(address, folder) {
      const mailbox = state.requireMailbox(address);
      const name = folder === undefined ? undefined : folderOf(address, folder);
      return [...mailbox.messages.values()].filter((message) => name === undefined || message.folder === name).map(view);
    },
    expireDeltaTokens(address) {
      const mailboxes = address === undefined ? [...state.mailboxes.values()] : [state.requireMailbox(address)];
      for (const mailbox of mailboxes) mailbox.deltaGeneration++;
    },
    stats(address) {
      return { ...state.statsFor(address), inFlight: state.throttle.running(address.toLowerCase()) };
    },
    injectFaults: (spec) => state.faults.injectFaults(spec),
    injectDelay: (spec) => state.faults.injectDelay(spec),
    clearFaults: () => state.faults.clear(),
    subscriptions(address) {
      const mailbox = address === undefined ? undefined : state.requireMailbox(address);
      return state.subscriptions.list(mailbox).map((subscription) => state.subscriptions.render(subscription, state.baseUrl));
    },
    sendLifecycle: (subscriptionId, event) => state.subscriptions.lifecycle(subscriptionId, event),
    notifications: () => state.notifier.log,
    settleNotifications: () => state.notifier.settle(),
  };
}
