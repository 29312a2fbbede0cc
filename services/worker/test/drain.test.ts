import { spawn } from 'node:child_process';
import { createLogger } from '@firmly/config';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, enqueue, queueProcessor } from '@firmly/queue';
import { backendModes } from '@firmly/queue/testing/modes';
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { startWorkers } from '../src/runtime';

const t = useTestDatabase();
const WS = '0f7b0a8e-7c1d-4a57-8f1e-5b9d1e0c2a44';
const log = createLogger('test', 'silent');

for (const mode of backendModes('drain')) {
  describe.skipIf(!mode.available)(`draining on ${mode.label}`, () => {
    it('finishes the running job before closing, and takes no new one', async () => {
      const backend = await createQueueBackend(mode.config(t.url), () => undefined);
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let markStarted: () => void = () => undefined;
      const started = new Promise<void>((resolve) => {
        markStarted = resolve;
      });
      const runtime = startWorkers({
        backend,
        concurrency: 1,
        log,
        processors: {
          maintenance: queueProcessor('maintenance', {
            'audit.verify-chain': async () => {
              markStarted();
              await gate;
              return 'finished';
            },
          }),
        },
      });
      const running = await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS });
      await started;
      const drained = runtime.drain(20_000);
      // Queued during the drain: must be left for the next worker, not started.
      const waiting = await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS });
      setTimeout(release, 300);
      expect(await drained).toEqual({ forced: [] });
      const queue = backend.queue('maintenance');
      expect(await queue.getJobState(running.id ?? '')).toBe('completed');
      expect(((await queue.getJob(running.id ?? '')) as Job).returnvalue).toBe('finished');
      expect(await queue.getJobState(waiting.id ?? '')).toBe('waiting');
      await queue.obliterate({ force: true });
      await backend.close();
      await mode.cleanup();
    });
  });
}

describe('the worker process on SIGTERM', () => {
  it('drains the job it is running, then exits 0', async () => {
    const backend = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    const job = await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS });
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/slow-worker.ts', import.meta.url).pathname], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        REDIS_URL: '',
        FIRMLY_ENCRYPTION_KEY: `v1:${Buffer.alloc(32, 7).toString('base64')}`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The fixture prints this line when the job has started and is sleeping.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`job never started:\n${output}`)), 30_000);
      const poll = setInterval(() => {
        if (output.includes('slow job started')) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    expect(output).toContain('slow job finished');
    const state = await backend.queue('maintenance').getJobState(job.id ?? '');
    expect(state).toBe('completed');
    await backend.close();
  }, 60_000);
});
