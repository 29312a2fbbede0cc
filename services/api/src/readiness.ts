import { pingDatabase } from '@firmly/db';
import type { QueueBackend } from '@firmly/queue';
import type pg from 'pg';
import type { ReadinessCheck } from './routes/health';

/** Postgres always; Redis when the queues run on it (on PostgreSQL the first check covers them). */
export function readinessChecks(pool: pg.Pool, queues: QueueBackend): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [{ name: 'postgres', check: () => pingDatabase(pool) }];
  if (queues.kind === 'redis') checks.push({ name: 'redis', check: () => queues.ping() });
  return checks;
}
