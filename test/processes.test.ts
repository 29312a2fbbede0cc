import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allInOneEnvSpec, apiEnvSpec, workerEnvSpec } from '@firmly/config';
import { createEmptyDatabase, databaseUrl, dropDatabase } from '@firmly/db/testing';
import { deleteKeysWithPrefix, uniqueQueuePrefix } from '@firmly/queue/testing';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The environment of a fresh machine: no database, Redis or secrets configured. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'FIRMLY_ENCRYPTION_KEY', 'PORT', 'HOST', 'FIRMLY_DATA_DIR']) delete env[name];
  return { ...env, ...extra };
}

function run(entry: string, env: NodeJS.ProcessEnv): ChildProcess & { output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Object.assign(child, { output: () => output, exited });
}

describe('configuration errors stop a service', () => {
  it.each([
    [
      'services/api/src/main.ts',
      { PORT: 'eighty' },
      /^firmly-api: invalid configuration: .*PORT must be an integer from 0 to 65535 \(got "eighty"\)$/,
    ],
    ['services/worker/src/main.ts', {}, /^firmly-worker: invalid configuration: .*DATABASE_URL must be set: a postgres:\/\/ URL/],
  ])('%s exits 1 with one line naming the variable', async (entry, extra, line) => {
    const child = run(entry, cleanEnv(extra));
    expect(await child.exited).toBe(1);
    const lines = child.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });
});

describe('every variable is documented', () => {
  it('README lists each variable any service reads', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const names = new Set([...Object.keys(apiEnvSpec), ...Object.keys(workerEnvSpec), ...Object.keys(allInOneEnvSpec)]);
    const missing = [...names].filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});

/** Starts an entry point and resolves with the URL it prints once running. */
async function startedUrl(child: ReturnType<typeof run>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not running after 90 s:\n${child.output()}`)), 90_000);
    const poll = setInterval(() => {
      const match = /firmly is running at (http:\/\/\S+)/.exec(child.output());
      if (match?.[1]) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 100);
    child.exited.then((code) => reject(new Error(`exited ${code} before running:\n${child.output()}`)));
  });
}

describe('pnpm db:migrate', () => {
  it('migrates the database DATABASE_URL names', async () => {
    const name = await createEmptyDatabase(inject('pgAdminUrl'));
    const url = databaseUrl(inject('pgAdminUrl'), name);
    try {
      const child = run('packages/db/src/cli/migrate.ts', cleanEnv({ DATABASE_URL: url }));
      expect(await child.exited, child.output()).toBe(0);
      expect(child.output()).toMatch(/^migrated postgres:\/\//);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('public.outgoing_emails') AS t`);
      await client.end();
      expect(rows[0]?.t).toBe('outgoing_emails');
    } finally {
      await dropDatabase(inject('pgAdminUrl'), name);
    }
  });
});

describe('pnpm api-key:create', () => {
  it('creates the workspace and operator when missing and prints a key once; bad arguments exit 1', async () => {
    const name = await createEmptyDatabase(inject('pgAdminUrl'));
    const url = databaseUrl(inject('pgAdminUrl'), name);
    try {
      const bad = run('packages/db/src/cli/create-api-key.ts', cleanEnv({ DATABASE_URL: url }));
      expect(await bad.exited).toBe(1);
      expect(bad.output()).toMatch(/^usage: pnpm api-key:create/);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'packages/db/src/cli/create-api-key.ts', '--workspace', 'acme', '--email', 'Owner@Acme.example'],
        {
          cwd: root,
          env: cleanEnv({ DATABASE_URL: url }),
        },
      );
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      const token = /(fk_\S+)/.exec(output)?.[1] ?? '';
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT k.key_hash, o.email FROM api_keys k JOIN operators o ON o.id = k.operator_id');
      await client.end();
      expect(rows).toHaveLength(1);
      expect(rows[0].email).toBe('owner@acme.example');
      expect(rows[0].key_hash).not.toContain(token);
      expect(rows[0].key_hash).toHaveLength(64);
    } finally {
      await dropDatabase(inject('pgAdminUrl'), name);
    }
  });
});

describe.skipIf(!inject('redisUrl'))(
  `the all-in-one process with DATABASE_URL and REDIS_URL set${inject('redisUrl') ? '' : ' (skipped: no Redis reachable)'}`,
  () => {
    it('uses that database and runs its queues on Redis', async () => {
      const name = await createEmptyDatabase(inject('pgAdminUrl'));
      const prefix = uniqueQueuePrefix('aio');
      const redisUrl = inject('redisUrl') ?? '';
      const dataDir = await mkdtemp(join(tmpdir(), 'firmly-start-'));
      const child = run(
        'services/all-in-one/src/main.ts',
        cleanEnv({
          DATABASE_URL: databaseUrl(inject('pgAdminUrl'), name),
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: prefix,
          FIRMLY_DATA_DIR: dataDir,
          PORT: '0',
          LOG_LEVEL: 'warn',
        }),
      );
      try {
        const url = await startedUrl(child);
        const response = await fetch(`${url}/readyz`);
        expect(await response.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
        child.kill('SIGTERM');
        expect(await child.exited, child.output()).toBe(0);
      } finally {
        child.kill('SIGKILL');
        await dropDatabase(inject('pgAdminUrl'), name);
        await deleteKeysWithPrefix(redisUrl, prefix);
        await rm(dataDir, { recursive: true, force: true });
      }
    }, 120_000);
  },
);

describe('the all-in-one process on embedded defaults (what `npm start` runs)', () => {
  it('comes up ready with nothing configured, serves /readyz, and shuts down cleanly on SIGTERM', async () => {
    // /tmp, not the clone: as root, the embedded server runs as `postgres` and must reach its folder.
    const dataDir = await mkdtemp(join(tmpdir(), 'firmly-start-'));
    const child = run('services/all-in-one/src/main.ts', cleanEnv({ FIRMLY_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' }));
    try {
      const url = await startedUrl(child);
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', checks: { postgres: 'ok' } });
      // The demo operator's API key works against the admin API.
      const demoKey = (await readFile(join(dataDir, 'demo-api-key'), 'utf8')).trim();
      const mailboxes = await fetch(`${url}/v1/mailboxes`, { headers: { authorization: `Bearer ${demoKey}` } });
      expect(mailboxes.status).toBe(200);
      // The demo mailbox (on the in-process sandbox) is connected and syncs its scripted mail.
      const listed = (await mailboxes.json()) as { mailboxes: Array<{ address: string; status: string }> };
      expect(listed.mailboxes).toMatchObject([{ address: 'studio@demo.firmly.example', status: 'active' }]);
      // The install's own encryption key was generated, not defaulted, and kept private.
      expect((await readFile(join(dataDir, 'encryption-key'), 'utf8')).trim()).toMatch(/^v1:[A-Za-z0-9+/]{43}=$/);
      child.kill('SIGTERM');
      expect(await child.exited, child.output()).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
