import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const defaultTestRedisUrl = 'redis://127.0.0.1:6379';

/** True when a Redis answers PING at `url` within the timeout. */
export async function redisReachable(url: string, timeoutMs = 1_500): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A key prefix no other test file uses, so files share one Redis without colliding. */
export function uniqueQueuePrefix(label: string): string {
  return `firmly-test-${label}-${randomBytes(4).toString('hex')}`;
}

/** Removes every key under a test prefix. SCAN, not KEYS: never block a shared server. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
