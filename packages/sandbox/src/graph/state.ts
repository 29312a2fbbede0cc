import { TokenStore } from '../oauth/tokens';
import { FaultInjector } from './faults';
import { type FolderName, Mailbox, newSandboxUser, type StoredMessage } from './mailbox';
import { Notifier } from './notifier';
import type { NotificationTarget, ResolvedOptions } from './options';
import { SubscriptionRegistry } from './subscriptions';
import { MailboxThrottle } from './throttle';

export interface MailboxStats {
  /** Graph requests authenticated as this mailbox, throttled and faulted ones included. */
  requests: number;
  /** 429 answers from the throttle (injected faults not counted). */
  throttled: number;
}

/**
 * Everything the sandbox holds, in memory. Mutations of messages go through the
 * methods here so that the change log (delta) and subscriptions (notifications)
 * never miss one.
 */
export class GraphSandboxState {
  readonly tokens: TokenStore;
  readonly mailboxes = new Map<string, Mailbox>();
  readonly throttle: MailboxThrottle;
  readonly faults = new FaultInjector();
  readonly notifier: Notifier;
  readonly subscriptions: SubscriptionRegistry;
  readonly stats = new Map<string, MailboxStats>();
  /** `https://localhost:PORT`, set once listening. */
  baseUrl = '';

  constructor(
    readonly options: ResolvedOptions,
    target: NotificationTarget,
  ) {
    this.tokens = new TokenStore({
      accessTokenTtlMs: options.accessTokenTtlMs,
      // Microsoft rotates refresh tokens; firmly must persist the new one after every refresh.
      rotateRefreshTokens: true,
      now: () => options.clock.now().getTime(),
    });
    this.throttle = new MailboxThrottle(options.throttle);
    this.notifier = new Notifier(target, options.clock);
    this.subscriptions = new SubscriptionRegistry(options, this.notifier);
  }

  now(): Date {
    return this.options.clock.now();
  }

  createUser(address: string, displayName?: string): Mailbox {
    const existing = this.mailboxes.get(address.trim().toLowerCase());
    if (existing) return existing;
    const mailbox = new Mailbox(newSandboxUser(address, displayName));
    this.mailboxes.set(mailbox.user.address, mailbox);
    return mailbox;
  }

  mailbox(address: string): Mailbox | undefined {
    return this.mailboxes.get(address.trim().toLowerCase());
  }

  requireMailbox(address: string): Mailbox {
    const mailbox = this.mailbox(address);
    if (!mailbox) throw new Error(`no sandbox mailbox ${address}: call admin.createUser first`);
    return mailbox;
  }

  statsFor(address: string): MailboxStats {
    const key = address.toLowerCase();
    let stats = this.stats.get(key);
    if (!stats) {
      stats = { requests: 0, throttled: 0 };
      this.stats.set(key, stats);
    }
    return stats;
  }

  addMessage(mailbox: Mailbox, message: StoredMessage): void {
    mailbox.add(message);
    this.subscriptions.changed(mailbox, message, 'created', message.folder);
  }

  moveMessage(mailbox: Mailbox, id: string, folder: FolderName): StoredMessage | undefined {
    const before = mailbox.messages.get(id)?.folder;
    const message = mailbox.move(id, folder, this.now());
    if (!message || before === undefined) return undefined;
    if (before !== folder) {
      // Per folder it is a removal there and a creation here; for `me/messages` an update.
      this.subscriptions.changed(mailbox, message, 'deleted', before, null);
      this.subscriptions.changed(mailbox, message, 'created', folder, 'updated');
    }
    return message;
  }

  touchMessage(mailbox: Mailbox, message: StoredMessage): void {
    mailbox.touch(message, this.now());
    this.subscriptions.changed(mailbox, message, 'updated', message.folder);
  }

  removeMessage(mailbox: Mailbox, id: string): StoredMessage | undefined {
    const message = mailbox.remove(id);
    if (message) this.subscriptions.changed(mailbox, message, 'deleted', message.folder);
    return message;
  }
}
