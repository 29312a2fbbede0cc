import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = NodePgDatabase<Schema>;
/** A transaction handle; queries take `(db | tx, params)` so callers choose the boundary. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

// Postgres `bigint` (int8) comes back as a string by default; money columns use
// drizzle's bigint mode, and counts are small, so the driver default stays.

export interface PoolOptions {
  /** Shown in pg_stat_activity, which is how an operator tells api from worker connections. */
  applicationName: string;
  max?: number;
}

export function createPool(databaseUrl: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    application_name: options.applicationName,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server emits 'error' on the pool; without a
  // listener that would crash the process. Readiness checks report the outage instead.
  pool.on('error', () => undefined);
  return pool;
}

export function createDatabase(pool: pg.Pool): Database {
  return drizzle({ client: pool, schema, casing: 'snake_case' });
}

/** The pool a database handle runs on (drizzle keeps it as `$client`): for what needs a connection of its own, like LISTEN. */
export function poolOf(db: Database): pg.Pool {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) throw new TypeError('this database handle does not run on a pg pool');
  return client;
}
