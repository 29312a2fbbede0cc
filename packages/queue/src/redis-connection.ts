import { Redis, type RedisOptions } from 'ioredis';

/**
 * Connection profiles (BullMQ "going to production"):
 * - `worker`: `maxRetriesPerRequest: null`, so a blocking command survives a Redis
 *   restart instead of throwing inside BullMQ's loop;
 * - `producer`: fails fast (no offline queue), so an API request that enqueues while
 *   Redis is down gets an error now rather than hanging.
 * - `coordination`: in between (below).
 * Every connection has an `error` listener: an unhandled one would crash the process.
 */
export type RedisRole = 'worker' | 'producer' | 'coordination';

export function createRedis(url: string, role: RedisRole, onError: (error: Error) => void): Redis {
  const options: RedisOptions = {
    worker: { maxRetriesPerRequest: null, enableReadyCheck: true },
    producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000 },
    // Leases and budgets wait out a short blip, but give up after a few reconnects
    // so a sync job fails (and retries later) rather than hanging.
    coordination: { maxRetriesPerRequest: 3, connectTimeout: 5_000 },
  }[role];
  const redis = new Redis(url, { ...options, connectionName: `firmly-${role}`, lazyConnect: false });
  redis.on('error', onError);
  return redis;
}
