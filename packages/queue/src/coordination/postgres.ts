import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type BudgetPolicy, type Coordination, type Lease, refill, retryAfterMs, validateTake } from './types';

/** The database clock in epoch milliseconds; every worker agrees on it. */
const NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * Leases and budgets in the `coordination` schema (created by the migrations).
 * Each lease operation is one statement; a budget take is one short transaction
 * holding the bucket's row lock, so concurrent takes serialise per bucket only.
 */
export function postgresCoordination(pool: pg.Pool): Coordination {
  function lease(name: string, token: string): Lease {
    return {
      name,
      token,
      async extend(ttlMs) {
        const result = await pool.query(
          `UPDATE coordination.leases SET expires_at_ms = ${NOW_MS} + $3
            WHERE name = $1 AND owner = $2 AND expires_at_ms > ${NOW_MS}`,
          [name, token, ttlMs],
        );
        return result.rowCount === 1;
      },
      async release() {
        const result = await pool.query('DELETE FROM coordination.leases WHERE name = $1 AND owner = $2', [name, token]);
        return result.rowCount === 1;
      },
    };
  }

  return {
    leases: {
      async acquire(name, ttlMs) {
        const token = randomUUID();
        const result = await pool.query(
          `INSERT INTO coordination.leases AS l (name, owner, expires_at_ms) VALUES ($1, $2, ${NOW_MS} + $3)
           ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at_ms = EXCLUDED.expires_at_ms
           WHERE l.expires_at_ms <= ${NOW_MS}
           RETURNING owner`,
          [name, token, ttlMs],
        );
        return result.rowCount === 1 ? lease(name, token) : null;
      },
    },
    budgets: {
      async take(name: string, cost: number, policy: BudgetPolicy) {
        validateTake(cost, policy);
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          // A new bucket starts full.
          await client.query(
            `INSERT INTO coordination.rate_budgets (name, tokens, updated_at_ms) VALUES ($1, $2, ${NOW_MS})
             ON CONFLICT (name) DO NOTHING`,
            [name, policy.capacity],
          );
          const { rows } = await client.query<{ tokens: number; updated_at_ms: string; now_ms: string }>(
            `SELECT tokens, updated_at_ms, ${NOW_MS} AS now_ms FROM coordination.rate_budgets WHERE name = $1 FOR UPDATE`,
            [name],
          );
          const row = rows[0];
          if (!row) throw new Error(`budget ${name} vanished mid-transaction`);
          const nowMs = Number(row.now_ms);
          const tokens = refill(row.tokens, nowMs - Number(row.updated_at_ms), policy);
          const granted = tokens >= cost;
          await client.query('UPDATE coordination.rate_budgets SET tokens = $2, updated_at_ms = $3 WHERE name = $1', [
            name,
            granted ? tokens - cost : tokens,
            nowMs,
          ]);
          await client.query('COMMIT');
          return granted
            ? { granted: true, remaining: tokens - cost }
            : { granted: false, retryAfterMs: retryAfterMs(tokens, cost, policy) };
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
    },
  };
}
