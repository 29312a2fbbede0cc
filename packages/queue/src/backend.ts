import { once } from 'node:events';
import { createPostgresBackend, type PgPool, type Processor, Queue, runMigrations, Worker, withBackend } from 'bullmq';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { defaultJobOptions, type QueueName, queueNames } from './catalog';
import { postgresCoordination } from './coordination/postgres';
import { redisCoordination } from './coordination/redis';
import type { Coordination } from './coordination/types';
import { createRedis } from './redis-connection';

export type QueueBackendConfig = { kind: 'redis'; redisUrl: string; prefix: string } | { kind: 'postgres'; databaseUrl: string };

/** Redis when REDIS_URL is set (production, scale-out); otherwise BullMQ's PostgreSQL backend on the same database. */
export function queueBackendConfig(options: { redisUrl: string | undefined; databaseUrl: string; prefix: string }): QueueBackendConfig {
  return options.redisUrl
    ? { kind: 'redis', redisUrl: options.redisUrl, prefix: options.prefix }
    : { kind: 'postgres', databaseUrl: options.databaseUrl };
}

export interface WorkerOptions {
  concurrency: number;
  /** How long a job may run without renewing its lock before it counts as stalled. */
  lockDuration?: number;
}

export interface QueueBackend {
  readonly kind: QueueBackendConfig['kind'];
  readonly coordination: Coordination;
  /** The producer side of a queue; one instance per name, shared. */
  queue(name: QueueName): Queue;
  worker(name: QueueName, processor: Processor, options: WorkerOptions): Worker;
  /** Readiness: throws when the queue store is unreachable. */
  ping(timeoutMs?: number): Promise<void>;
  /** Closes producers and connections. Workers are closed by their owner first (drain order). */
  close(): Promise<void>;
}

/** BullMQ keeps PostgreSQL queues in this schema; one database holds one firmly's queues. */
const BULLMQ_SCHEMA = 'bullmq';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function createQueueBackend(
  config: QueueBackendConfig,
  onError: (error: Error, source: string) => void,
): Promise<QueueBackend> {
  return config.kind === 'redis' ? redisBackend(config, onError) : postgresBackend(config, onError);
}

/** Waits briefly for a first connection; a Redis that is down at start shows up in /readyz, not as a crash. */
async function settle(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return;
  await withTimeout(once(redis, 'ready'), ms, 'redis').catch(() => undefined);
}

async function redisBackend(
  config: Extract<QueueBackendConfig, { kind: 'redis' }>,
  onError: (e: Error, s: string) => void,
): Promise<QueueBackend> {
  const producer = createRedis(config.redisUrl, 'producer', (e) => onError(e, 'redis-producer'));
  const workerConnection = createRedis(config.redisUrl, 'worker', (e) => onError(e, 'redis-worker'));
  const coordinationConnection = createRedis(config.redisUrl, 'coordination', (e) => onError(e, 'redis-coordination'));
  await settle(producer, 3_000);
  const queues = new Map<QueueName, Queue>();
  return {
    kind: 'redis',
    coordination: redisCoordination(coordinationConnection, config.prefix),
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection: producer, prefix: config.prefix, defaultJobOptions: defaultJobOptions[name] });
        queue.on('error', (e) => onError(e, `queue:${name}`));
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, options) {
      const worker = new Worker(name, processor, {
        connection: workerConnection,
        prefix: config.prefix,
        concurrency: options.concurrency,
        ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
      });
      worker.on('error', (e) => onError(e, `worker:${name}`));
      return worker;
    },
    async ping(timeoutMs = 2_000) {
      await withTimeout(producer.ping(), timeoutMs, 'redis');
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      for (const connection of [producer, workerConnection, coordinationConnection]) connection.disconnect();
    },
  };
}

async function postgresBackend(
  config: Extract<QueueBackendConfig, { kind: 'postgres' }>,
  onError: (e: Error, s: string) => void,
): Promise<QueueBackend> {
  // One pool for every queue and worker of this process: each worker keeps one
  // connection for LISTEN, the rest is shared, so the process stays well under
  // max_connections however many queues there are.
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    application_name: 'firmly-queues',
    max: 20,
    options: `-c search_path=${BULLMQ_SCHEMA}`,
  });
  pool.on('error', (e) => onError(e, 'postgres-queue-pool'));
  // BullMQ's PostgreSQL backend adds an error listener to the shared pool per Queue and per
  // Worker: one of each per queue name (and the dashboard's), which passes Node's default warning
  // threshold of 10 without being a leak.
  pool.setMaxListeners(2 * queueNames.length + 4);
  const client = await pool.connect();
  try {
    // BullMQ's own migrations, under its own advisory lock (the `migrate: true` behaviour).
    await runMigrations(client, BULLMQ_SCHEMA);
  } finally {
    client.release();
  }
  const { Queue: PgQueue, Worker: PgWorker } = withBackend(createPostgresBackend);
  // pg's Pool satisfies BullMQ's structural PgPool; the cast bridges the two packages' typings.
  const connection = pool as unknown as PgPool;
  const queues = new Map<QueueName, Queue>();
  return {
    kind: 'postgres',
    coordination: postgresCoordination(pool),
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new PgQueue(name, { connection, defaultJobOptions: defaultJobOptions[name] }) as unknown as Queue;
        queue.on('error', (e) => onError(e, `queue:${name}`));
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, options) {
      const worker = new PgWorker(name, processor, {
        connection,
        concurrency: options.concurrency,
        ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
      }) as unknown as Worker;
      worker.on('error', (e) => onError(e, `worker:${name}`));
      return worker;
    },
    async ping(timeoutMs = 2_000) {
      await withTimeout(pool.query('SELECT 1'), timeoutMs, 'postgres queue store');
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      await pool.end();
    },
  };
}
