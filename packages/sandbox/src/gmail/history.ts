import type { StoredMessage } from './mailbox';

/** One history record. The sandbox only produces `messageAdded` (delivery and send). */
export interface HistoryRecord {
  readonly id: number;
  readonly type: 'messageAdded';
  readonly message: StoredMessage;
}

/**
 * A mailbox's history with Gmail's expiry rule: records are kept for a while, and a
 * `startHistoryId` older than what is kept gets 404, upon which the client must do a
 * full sync (users.history.list, `startHistoryId`). Here "a while" is a record count.
 */
export class HistoryLog {
  private records: HistoryRecord[] = [];
  /** The oldest `startHistoryId` still answerable; any older one is expired. */
  private oldestStart: number;

  constructor(
    private readonly retention: number,
    createdAt: number,
  ) {
    // Nothing happened before the mailbox existed, so ids from before it are as unknown as expired ones.
    this.oldestStart = createdAt;
  }

  append(record: HistoryRecord): void {
    this.records.push(record);
    while (this.records.length > this.retention) {
      const dropped = this.records.shift();
      // Without record r, a client starting before r would silently miss it: from now on it must re-list.
      if (dropped) this.oldestStart = Math.max(this.oldestStart, dropped.id);
    }
  }

  /** Forget every record older than `historyId`; a `startHistoryId` below it then gets 404. */
  expireBefore(historyId: number): void {
    this.records = this.records.filter((r) => r.id >= historyId);
    this.oldestStart = Math.max(this.oldestStart, historyId);
  }

  isExpired(startHistoryId: number): boolean {
    return startHistoryId < this.oldestStart;
  }

  /** Records strictly after `historyId` ("returns history records after the specified startHistoryId"), oldest first. */
  after(historyId: number): readonly HistoryRecord[] {
    return this.records.filter((r) => r.id > historyId);
  }
}
