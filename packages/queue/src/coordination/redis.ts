import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type BudgetPolicy, type Coordination, type Lease, validateTake } from './types';

// Compare-and-act scripts: only the owner's token may extend or release a lease.
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Token bucket in one script, so check-and-take is atomic. Uses the Redis server's
 * clock (TIME), like the PostgreSQL implementation uses the database's. Returns
 * {1, remaining} or {0, retryAfterMs}; numbers travel as strings to keep fractions.
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * refill / 1000)
local ttl = math.ceil(capacity / refill * 1000) + 1000
if tokens >= cost then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - cost), 'at', now)
  redis.call('PEXPIRE', KEYS[1], ttl)
  return {1, tostring(tokens - cost)}
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], ttl)
return {0, tostring(math.ceil((cost - tokens) / refill * 1000))}
`;

/** Leases and budgets in Redis under `<prefix>:lease:*` and `<prefix>:budget:*`. */
export function redisCoordination(redis: Redis, prefix: string): Coordination {
  const leaseKey = (name: string) => `${prefix}:lease:${name}`;
  const budgetKey = (name: string) => `${prefix}:budget:${name}`;

  function lease(name: string, token: string): Lease {
    return {
      name,
      token,
      async extend(ttlMs) {
        return (await redis.eval(EXTEND, 1, leaseKey(name), token, String(Math.ceil(ttlMs)))) === 1;
      },
      async release() {
        return (await redis.eval(RELEASE, 1, leaseKey(name), token)) === 1;
      },
    };
  }

  return {
    leases: {
      async acquire(name, ttlMs) {
        const token = randomUUID();
        const ok = await redis.set(leaseKey(name), token, 'PX', Math.ceil(ttlMs), 'NX');
        return ok === 'OK' ? lease(name, token) : null;
      },
    },
    budgets: {
      async take(name: string, cost: number, policy: BudgetPolicy) {
        validateTake(cost, policy);
        const [granted, value] = (await redis.eval(
          TAKE,
          1,
          budgetKey(name),
          String(policy.capacity),
          String(policy.refillPerSecond),
          String(cost),
        )) as [number, string];
        return granted === 1 ? { granted: true, remaining: Number(value) } : { granted: false, retryAfterMs: Number(value) };
      },
    },
  };
}
