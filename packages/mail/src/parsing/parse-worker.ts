import { parentPort } from 'node:worker_threads';
import { type MailboxIdentity, normaliseProviderMessage } from '../mime/normalise';
import type { ProviderMessage } from '../model';

/** Runs in a worker thread: MIME parsing is the CPU-heaviest step of a sync. */
interface Task {
  id: number;
  message: ProviderMessage;
  mailbox: MailboxIdentity;
}

parentPort?.on('message', async (task: Task) => {
  try {
    parentPort?.postMessage({ id: task.id, result: await normaliseProviderMessage(task.message, task.mailbox) });
  } catch (error) {
    // normaliseProviderMessage does not throw by contract; a throw here is a bug, reported as such.
    parentPort?.postMessage({ id: task.id, error: (error as Error).stack ?? String(error) });
  }
});
