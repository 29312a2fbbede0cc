import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded';
import { migrateDatabase } from './migrate';
import { canConnect, createEmptyDatabase, databaseUrl, dropDatabase, startTestServer } from './testing/server';

async function tablesIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('public', 'coordination') ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(inject('pgAdminUrl'), name);
});

describe('migrations', () => {
  it('apply to an empty PostgreSQL, and a second run (or several at once) changes nothing', async () => {
    const name = await createEmptyDatabase(inject('pgAdminUrl'));
    created.push(name);
    const url = databaseUrl(inject('pgAdminUrl'), name);
    expect(await tablesIn(url)).toEqual([]);
    // Three processes starting together: the advisory lock lets one migrate.
    await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
    const tables = await tablesIn(url);
    expect(tables).toContain('public.messages');
    expect(tables).toContain('coordination.leases');
    await migrateDatabase(url);
    expect(await tablesIn(url)).toEqual(tables);
  });

  it('apply to the embedded PostgreSQL 18 that `npm start` runs on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'firmly-embedded-'));
    const server = await startEmbeddedPostgres({ dataDir: dir });
    try {
      await migrateDatabase(server.url);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      await client.end();
      expect(Number(rows[0]?.server_version_num)).toBeGreaterThanOrEqual(180000);
      expect(await tablesIn(server.url)).toContain('public.outgoing_emails');
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the test server', () => {
  it('falls back to an embedded PostgreSQL where no server answers', async () => {
    const server = await startTestServer('postgres://postgres@127.0.0.1:1/postgres');
    try {
      expect(server.embedded).toBe(true);
      expect(await canConnect(server.adminUrl)).toBe(true);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
