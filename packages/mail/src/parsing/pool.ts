import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type MailboxIdentity, normaliseProviderMessage } from '../mime/normalise';
import type { NormalizedMessage, ProviderMessage } from '../model';

export interface NormalisePool {
  normalise(message: ProviderMessage, mailbox: MailboxIdentity): Promise<NormalizedMessage>;
  close(): Promise<void>;
}

type Pending = { resolve: (value: NormalizedMessage) => void; reject: (error: Error) => void };

/**
 * MIME parsing on worker threads, so a back-fill uses more than one core: the main
 * thread keeps fetching and storing while pages are parsed beside it. Results are
 * the same as `normaliseProviderMessage` in-thread (it is the same function). With
 * `size` 0 — or where workers cannot start — parsing stays on the calling thread.
 *
 * The worker loads TypeScript through tsx (there is no build step): see
 * parse-worker-entry.mjs.
 */
export function createNormalisePool(size = Math.max(1, Math.min(2, availableParallelism() - 1))): NormalisePool {
  if (size <= 0) return { normalise: normaliseProviderMessage, close: async () => undefined };
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const workers: Worker[] = [];
  for (let i = 0; i < size; i++) {
    // A parse allocates a lot and keeps nothing: a small young generation collects it
    // promptly instead of letting each thread's heap balloon (a back-fill's RSS budget).
    const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 },
    });
    worker.on('message', (answer: { id: number; result?: NormalizedMessage; error?: string }) => {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (pending.size === 0) for (const w of workers) w.unref();
      if (answer.result) waiting.resolve(answer.result);
      else waiting.reject(new Error(`MIME worker failed: ${answer.error ?? 'unknown error'}`));
    });
    worker.on('error', (error) => {
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(error);
      }
    });
    worker.unref();
    workers.push(worker);
  }
  let turn = 0;
  return {
    normalise(message, mailbox) {
      const id = nextId++;
      const worker = workers[turn++ % workers.length] as Worker;
      return new Promise<NormalizedMessage>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Idle workers must not keep the process alive; busy ones must, or an awaited parse is lost.
        if (pending.size === 1) for (const w of workers) w.ref();
        // Copy, not transfer: the raw bytes may share a pooled ArrayBuffer with other messages.
        worker.postMessage({ id, message, mailbox });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
