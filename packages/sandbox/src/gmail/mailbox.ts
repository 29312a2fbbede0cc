import { HistoryLog } from './history';
import { type HistoryClock, newMessageId } from './ids';
import { headerValue, type MimeEntity, messageIds } from './mime';
import { normaliseSubject } from './subject';

export interface StoredMessage {
  readonly id: string;
  readonly threadId: string;
  readonly labelIds: readonly string[];
  /** Epoch ms. */
  readonly internalDate: number;
  /** The history record that added it (Gmail: "the last history record that modified this message"). */
  readonly historyId: number;
  /** The RFC 5322 bytes exactly as delivered or sent. */
  readonly raw: Buffer;
  readonly mime: MimeEntity;
  /** Message-ID without angle brackets. */
  readonly messageId: string | undefined;
  readonly subject: string;
}

export interface AddMessage {
  raw: Buffer;
  /** `parseMime(raw)`, which the caller already needed to pick the thread. */
  mime: MimeEntity;
  labelIds: readonly string[];
  internalDate: number;
  /** Join this thread; undefined starts a new one. */
  threadId: string | undefined;
}

/** Called after every history-changing event, for push notifications. */
export type MailboxListener = (mailbox: Mailbox, record: { historyId: number; labelIds: readonly string[] }) => void;

/** One user's mailbox: messages, threads, history. */
export class Mailbox {
  private readonly byId = new Map<string, StoredMessage>();
  private readonly threads = new Map<string, { subject: string; messageIds: string[] }>();
  private readonly byRfc822Id = new Map<string, StoredMessage>();
  readonly history: HistoryLog;
  private currentHistoryId: number;

  constructor(
    readonly address: string,
    private readonly clock: HistoryClock,
    retention: number,
    private readonly listener: MailboxListener,
  ) {
    this.currentHistoryId = clock.next();
    this.history = new HistoryLog(retention, this.currentHistoryId);
  }

  get historyId(): number {
    return this.currentHistoryId;
  }

  get threadCount(): number {
    return this.threads.size;
  }

  message(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  all(): StoredMessage[] {
    return [...this.byId.values()];
  }

  hasThread(threadId: string): boolean {
    return this.threads.has(threadId);
  }

  /** The normalised subject a thread was started with. */
  threadSubject(threadId: string): string | undefined {
    return this.threads.get(threadId)?.subject;
  }

  /** A stored message by its Message-ID header (without brackets). */
  byMessageId(messageId: string): StoredMessage | undefined {
    return this.byRfc822Id.get(messageId);
  }

  add(input: AddMessage): StoredMessage {
    const mime = input.mime;
    const id = newMessageId(input.internalDate, (candidate) => this.byId.has(candidate) || this.threads.has(candidate));
    const subject = headerValue(mime.headers, 'subject') ?? '';
    const threadId = input.threadId !== undefined && this.threads.has(input.threadId) ? input.threadId : id;
    const historyId = this.clock.next();
    const message: StoredMessage = {
      id,
      threadId,
      labelIds: [...new Set(input.labelIds)],
      internalDate: input.internalDate,
      historyId,
      raw: input.raw,
      mime,
      messageId: messageIds(headerValue(mime.headers, 'message-id'))[0],
      subject,
    };
    this.byId.set(id, message);
    const thread = this.threads.get(threadId) ?? { subject: normaliseSubject(subject), messageIds: [] };
    thread.messageIds.push(id);
    this.threads.set(threadId, thread);
    if (message.messageId && !this.byRfc822Id.has(message.messageId)) this.byRfc822Id.set(message.messageId, message);
    this.currentHistoryId = historyId;
    this.history.append({ id: historyId, type: 'messageAdded', message });
    this.listener(this, { historyId, labelIds: message.labelIds });
    return message;
  }
}

/** Every mailbox of the sandbox, by lower-cased address. */
export class Mailboxes {
  private readonly boxes = new Map<string, Mailbox>();

  constructor(
    private readonly clock: HistoryClock,
    private readonly retention: number,
    private readonly listener: MailboxListener,
  ) {}

  create(address: string): Mailbox {
    const key = address.trim().toLowerCase();
    const existing = this.boxes.get(key);
    if (existing) return existing;
    const mailbox = new Mailbox(key, this.clock, this.retention, this.listener);
    this.boxes.set(key, mailbox);
    return mailbox;
  }

  get(address: string): Mailbox | undefined {
    return this.boxes.get(address.trim().toLowerCase());
  }

  require(address: string): Mailbox {
    const mailbox = this.get(address);
    if (!mailbox) throw new Error(`gmail sandbox: no mailbox ${address}; call admin.createUser first`);
    return mailbox;
  }

  all(): Mailbox[] {
    return [...this.boxes.values()];
  }
}
