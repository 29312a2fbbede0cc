import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createGmailSandbox, type GmailSandbox, type GmailUserStats } from '@firmly/sandbox';
import { OAUTH_CLIENT } from '../support/mail-harness';
import { type SeedReport, seedMailbox } from './corpus';

/**
 * The Gmail sandbox as the sync benchmark uses it, either in the benchmark's own
 * process (what the brief measures: it competes for the same cores and memory) or
 * in a child process of its own (firmly alone in the measured process).
 */
export interface BenchSandbox {
  url: string;
  seed(address: { address: string; name: string }, count: number): Promise<SeedReport>;
  grant(address: string): Promise<string>;
  resetStats(address: string): Promise<void>;
  stats(address: string): Promise<GmailUserStats>;
  close(): Promise<void>;
}

export async function inProcessSandbox(quotaUnitsPerSecond: number): Promise<BenchSandbox> {
  const sandbox: GmailSandbox = await createGmailSandbox({
    quotaUnitsPerSecond: quotaUnitsPerSecond > 0 ? quotaUnitsPerSecond : Number.POSITIVE_INFINITY,
    oauthClients: [OAUTH_CLIENT],
  });
  return {
    url: sandbox.url,
    async seed(own, count) {
      sandbox.admin.createUser(own.address);
      return seedMailbox(sandbox, own, count, 180);
    },
    grant: async (address) => sandbox.admin.grant(address),
    resetStats: async (address) => sandbox.admin.resetStats(address),
    stats: async (address) => sandbox.admin.stats(address),
    close: () => sandbox.close(),
  };
}

type RequestBody =
  | { op: 'seed'; own: { address: string; name: string }; count: number }
  | { op: 'grant' | 'resetStats' | 'stats'; address: string };
type Request = RequestBody & { id: number };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export async function childProcessSandbox(quotaUnitsPerSecond: number): Promise<BenchSandbox> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--sandbox-host', String(quotaUnitsPerSecond)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
    child.once('message', (m) => resolve((m as { url: string }).url));
  });
  child.removeAllListeners('exit');
  child.on('message', (m) => {
    const reply = m as Reply;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(reply.error));
  });
  const call = <T>(request: RequestBody): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...request, id });
    });
  return {
    url,
    seed: (own, count) => call<SeedReport>({ op: 'seed', own, count }),
    grant: (address) => call<string>({ op: 'grant', address }),
    resetStats: (address) => call<void>({ op: 'resetStats', address }),
    stats: (address) => call<GmailUserStats>({ op: 'stats', address }),
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The child side: one sandbox, driven over IPC. */
async function host(quotaUnitsPerSecond: number): Promise<void> {
  const sandbox = await inProcessSandbox(quotaUnitsPerSecond);
  process.on('SIGTERM', () => {
    sandbox.close().finally(() => process.exit(0));
  });
  process.on('message', async (m) => {
    const request = m as Request;
    try {
      const value =
        request.op === 'seed'
          ? await sandbox.seed(request.own, request.count)
          : request.op === 'grant'
            ? await sandbox.grant(request.address)
            : request.op === 'resetStats'
              ? await sandbox.resetStats(request.address)
              : await sandbox.stats(request.address);
      process.send?.({ id: request.id, ok: true, value } satisfies Reply);
    } catch (error) {
      process.send?.({ id: request.id, ok: false, error: String(error) } satisfies Reply);
    }
  });
  process.send?.({ url: sandbox.url });
}

const at = process.argv.indexOf('--sandbox-host');
if (at >= 0) void host(Number(process.argv[at + 1]));
