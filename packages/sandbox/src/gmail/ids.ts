import { createHash } from 'node:crypto';

/**
 * Gmail message ids are 16 hex digits that grow with time; a thread's id is the id of
 * its first message. Ours put the internal date in the high bits and a counter in the
 * low ones, so ids sort like Gmail's and stay unique within a sandbox.
 */
let sequence = 0;

export function newMessageId(internalDateMs: number, taken: (id: string) => boolean): string {
  for (;;) {
    sequence = (sequence + 1) & 0xfffff;
    const id = ((BigInt(Math.max(0, Math.floor(internalDateMs))) << 20n) | BigInt(sequence)).toString(16).padStart(16, '0');
    if (!taken(id)) return id;
  }
}

/** An opaque, stable attachment id, as Gmail gives parts that carry a filename. */
export function attachmentId(messageId: string, partId: string): string {
  return `ANGjdJ${createHash('sha256').update(`${messageId}/${partId}`).digest('base64url')}`;
}

/**
 * History ids only have to increase within a mailbox, with gaps allowed ("not contiguous
 * with random gaps", users.history.list). One counter for the whole sandbox gives that,
 * and lets `expireHistoryBefore(historyId)` mean the same point in time for every mailbox.
 */
export class HistoryClock {
  private current: number;

  constructor(start = 1000) {
    this.current = start;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }

  peek(): number {
    return this.current;
  }
}

/** Gmail writes base64url *with* padding (see `body.data` in real captures); clients must accept it. */
export function base64urlPadded(bytes: Buffer): string {
  const text = bytes.toString('base64url');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}
