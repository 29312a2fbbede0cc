import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded';
import { migrateDatabase } from '../migrate';

export const defaultTestServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestServer {
  /** A URL to the server's maintenance database, with rights to CREATE DATABASE. */
  readonly adminUrl: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

export async function canConnect(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL the suite runs on: FIRMLY_TEST_DATABASE_URL, else the local
 * server, else (a laptop with no server) an embedded one in a temporary folder.
 */
export async function startTestServer(preferredUrl = process.env.FIRMLY_TEST_DATABASE_URL || defaultTestServerUrl): Promise<TestServer> {
  if (await canConnect(preferredUrl)) return { adminUrl: preferredUrl, embedded: false, stop: async () => undefined };
  // /tmp, not the clone: as root, the embedded server runs as `postgres`, which must reach the folder.
  const dir = await mkdtemp(join(tmpdir(), 'firmly-test-pg-'));
  const handle = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres' });
  return {
    adminUrl: handle.url,
    embedded: true,
    async stop() {
      await handle.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(kind: 'tpl' | 't'): string {
  return `firmly_${kind}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Creates and migrates the template every test database is cloned from. */
export async function createMigratedTemplate(adminUrl: string): Promise<string> {
  const name = uniqueDatabaseName('tpl');
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  await migrateDatabase(databaseUrl(adminUrl, name));
  return name;
}

/** CREATE DATABASE … TEMPLATE: a file copy, far faster than migrating each time. */
export async function cloneDatabase(adminUrl: string, template: string): Promise<string> {
  const name = uniqueDatabaseName('t');
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`));
  return name;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

export async function createEmptyDatabase(adminUrl: string): Promise<string> {
  const name = uniqueDatabaseName('t');
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return name;
}
