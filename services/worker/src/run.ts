import { createLogger, loadEnvOrExit, onShutdownSignal, workerEnvSpec } from '@firmly/config';
import { createDatabase, createPool, migrateDatabase } from '@firmly/db';
import { createQueueBackend, queueBackendConfig } from '@firmly/queue';
import { precompileTemplates } from '@firmly/templates';
import { processorDeps } from './compose';
import type { ProcessorDeps } from './processors/index';
import { type Processors, scheduleRecurringJobs, startWorkers } from './runtime';

/**
 * The worker process: configuration, connections, workers, and the ordered drain on
 * SIGTERM. `main.ts` calls it with the real processors.
 */
export async function runWorkerProcess(makeProcessors: (deps: ProcessorDeps) => Processors): Promise<void> {
  const config = loadEnvOrExit('firmly-worker', workerEnvSpec);
  const log = createLogger('firmly-worker', config.LOG_LEVEL);
  await migrateDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'firmly-worker' });
  const backend = await createQueueBackend(
    queueBackendConfig({ redisUrl: config.REDIS_URL, databaseUrl: config.DATABASE_URL, prefix: config.QUEUE_PREFIX }),
    (err, source) => log.warn({ err, source }, 'queue store error'),
  );
  const db = createDatabase(pool);
  // Every email template through MJML once, before the first job: a template that no longer
  // compiles stops the worker here, loudly, instead of failing drafts one by one.
  await precompileTemplates();
  const runtime = startWorkers({
    backend,
    processors: makeProcessors(processorDeps({ config, db, queues: backend, log })),
    concurrency: config.WORKER_CONCURRENCY,
    log,
  });
  // The drain is armed before anything else is awaited: jobs start the moment the workers
  // do, and a SIGTERM that arrived while the schedules were still being written would
  // otherwise kill the process mid-job.
  onShutdownSignal(
    async () => {
      // Leave a little of the deadline for closing connections after the drain.
      const { forced } = await runtime.drain(Math.max(500, config.SHUTDOWN_TIMEOUT_MS - 2_000));
      if (forced.length > 0) log.warn({ forced }, 'some queues were force-closed');
      await backend.close();
      await pool.end();
    },
    { deadlineMs: config.SHUTDOWN_TIMEOUT_MS, log },
  );
  await scheduleRecurringJobs(backend);
  log.info('firmly worker ready');
}
