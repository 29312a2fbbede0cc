import { randomUUID } from 'node:crypto';
import { newChangeKey, newFolderId } from './ids';
import type { HeaderField, MailAddress } from './mime';

/** The folders the sandbox knows, by Graph's well-known names. */
export const WELL_KNOWN_FOLDERS = ['inbox', 'sentitems', 'drafts', 'deleteditems', 'archive'] as const;
export type FolderName = (typeof WELL_KNOWN_FOLDERS)[number];

const DISPLAY_NAMES: Record<FolderName, string> = {
  inbox: 'Inbox',
  sentitems: 'Sent Items',
  drafts: 'Drafts',
  deleteditems: 'Deleted Items',
  archive: 'Archive',
};

export interface StoredMessage {
  readonly id: string;
  folder: FolderName;
  conversationId: string;
  /** With angle brackets, as Graph returns it. */
  internetMessageId: string;
  /** Exactly the bytes `$value` returns. */
  mime: Buffer;
  headers: HeaderField[];
  subject: string;
  from: MailAddress | undefined;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  inReplyTo: string | undefined;
  references: string[];
  sentAt: Date | undefined;
  receivedAt: Date;
  createdAt: Date;
  modifiedAt: Date;
  isDraft: boolean;
  isRead: boolean;
  hasAttachments: boolean;
  changeKey: string;
}

/**
 * One entry per change, in order: what the delta query replays. A move is a `removed`
 * in the old folder and an `upsert` in the new one, which is how Graph's per-folder
 * delta reports it (`@removed` there, the message here).
 */
export interface ChangeEvent {
  seq: number;
  messageId: string;
  folder: FolderName;
  kind: 'upsert' | 'removed';
}

export interface SandboxUser {
  /** A GUID, like an Entra object id; used in notification `resource` paths. */
  readonly id: string;
  /** Lower-cased. */
  readonly address: string;
  displayName: string;
}

export class Mailbox {
  readonly folders: ReadonlyMap<FolderName, { id: string; displayName: string }>;
  readonly messages = new Map<string, StoredMessage>();
  readonly events: ChangeEvent[] = [];
  /** Bumped by admin.expireDeltaTokens(): delta and skip tokens of older generations answer 410. */
  deltaGeneration = 0;
  private seq = 0;

  constructor(readonly user: SandboxUser) {
    this.folders = new Map(WELL_KNOWN_FOLDERS.map((name) => [name, { id: newFolderId(), displayName: DISPLAY_NAMES[name] }]));
  }

  /** The last change's sequence number; a delta round covers (since, this]. */
  get currentSeq(): number {
    return this.seq;
  }

  /** A well-known name (any case) or a folder id. */
  resolveFolder(idOrName: string): FolderName | undefined {
    const lower = idOrName.toLowerCase();
    const known = WELL_KNOWN_FOLDERS.find((name) => name === lower);
    if (known) return known;
    for (const [name, folder] of this.folders) if (folder.id === idOrName) return name;
    return undefined;
  }

  folderId(name: FolderName): string {
    return this.folders.get(name)?.id ?? name;
  }

  private record(messageId: string, folder: FolderName, kind: ChangeEvent['kind']): void {
    this.events.push({ seq: ++this.seq, messageId, folder, kind });
  }

  add(message: StoredMessage): void {
    this.messages.set(message.id, message);
    this.record(message.id, message.folder, 'upsert');
  }

  move(id: string, folder: FolderName, now: Date): StoredMessage | undefined {
    const message = this.messages.get(id);
    if (!message) return undefined;
    if (message.folder !== folder) {
      this.record(id, message.folder, 'removed');
      message.folder = folder;
    }
    this.touch(message, now);
    return message;
  }

  /** Records an in-place change (draft sent, read flag): the message shows up again in its folder's delta. */
  touch(message: StoredMessage, now: Date): void {
    message.modifiedAt = now;
    message.changeKey = newChangeKey();
    this.record(message.id, message.folder, 'upsert');
  }

  remove(id: string): StoredMessage | undefined {
    const message = this.messages.get(id);
    if (!message) return undefined;
    this.messages.delete(id);
    this.record(id, message.folder, 'removed');
    return message;
  }

  findByInternetMessageId(internetMessageId: string): StoredMessage[] {
    const wanted = internetMessageId.trim().toLowerCase();
    return [...this.messages.values()].filter((message) => message.internetMessageId.toLowerCase() === wanted);
  }

  /**
   * The conversation a new message joins: the one of the message its In-Reply-To names,
   * else of the latest message its References name. Exchange also threads by
   * Thread-Index and subject; firmly always sets In-Reply-To/References, so these suffice.
   */
  conversationFor(inReplyTo: string | undefined, references: readonly string[]): string | undefined {
    for (const candidate of [inReplyTo, ...[...references].reverse()]) {
      if (!candidate) continue;
      const match = this.findByInternetMessageId(candidate)[0];
      if (match) return match.conversationId;
    }
    return undefined;
  }
}

export function newSandboxUser(address: string, displayName?: string): SandboxUser {
  const lower = address.trim().toLowerCase();
  return { id: randomUUID(), address: lower, displayName: displayName ?? lower.split('@')[0] ?? lower };
}
