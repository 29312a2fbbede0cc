/**
 * `pnpm bench:sync`: a Gmail back-fill through firmly's real sync path (the
 * `defaultProcessors(...).sync` job, real PostgreSQL, the real googleapis client)
 * against the Gmail sandbox (in the same process, as tests run it; scenario c gives it a
 * process of its own, to see firmly alone). Each scenario runs in its own child process
 * (so maxRSS is its own) on its own fresh database; the parent prints a markdown
 * table and records it in docs/benchmarks.md.
 *
 *   node --import tsx test/bench/sync.ts                       every scenario, writes the docs
 *   node --import tsx test/bench/sync.ts --scenario unlimited  one scenario, prints its JSON
 *
 * Env: DATABASE_URL (use that database; else a fresh one on postgres://postgres@127.0.0.1:5432/postgres,
 * dropped at the end), REDIS_URL (budgets and leases in Redis, as in production), BENCH_SYNC_MESSAGES
 * (default 20000, scenarios a and c), BENCH_SYNC_REALISTIC_MESSAGES (default 1000), BENCH_SYNC_SCENARIOS
 * (default unlimited,realistic,alone), BENCH_SYNC_DOCS=0 (do not write the docs),
 * BENCH_SYNC_PROFILE=<dir> (a .cpuprofile of the sync alone, seeding excluded, per scenario).
 * Flags given to node (e.g. --cpu-prof) are passed on to the scenario processes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLogger } from '@firmly/config';
import { createDatabase, createPool, migrateDatabase, schema } from '@firmly/db';
import { createEmptyDatabase, databaseUrl, defaultTestServerUrl, dropDatabase } from '@firmly/db/testing/server';
import { createQueueBackend, type QueueBackend, queueBackendConfig } from '@firmly/queue';
import { defaultProcessors, WORKER_NODE_FLAGS } from '@firmly/worker';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { connectedMailbox, sandboxSettings, workerDeps } from '../support/mail-harness';
import type { SeedReport } from './corpus';
import { machineInfo, resultsTable, type ScenarioResult, TARGETS, updateBenchmarksDoc } from './report';
import { type BenchSandbox, childProcessSandbox, inProcessSandbox } from './sandbox-host';

const SCENARIOS = {
  unlimited: {
    title: '(a) unlimited quota, client budget off',
    messages: Number(process.env.BENCH_SYNC_MESSAGES || 20_000),
    unitsPerSecond: 0,
    sandbox: 'in-process',
  },
  realistic: {
    title: '(b) 250 units/s sandbox + firmly budget 250',
    messages: Number(process.env.BENCH_SYNC_REALISTIC_MESSAGES || 1_000),
    unitsPerSecond: 250,
    sandbox: 'in-process',
  },
  alone: {
    title: '(c) as (a), sandbox in its own process',
    messages: Number(process.env.BENCH_SYNC_MESSAGES || 20_000),
    unitsPerSecond: 0,
    sandbox: 'child-process',
  },
} as const;
type ScenarioName = keyof typeof SCENARIOS;

const RESULT_PREFIX = 'BENCH_SYNC_RESULT ';
const OWN = { address: 'studio@agency.example', name: 'Nagy Péter (Studio)' };
const MB = 1024 * 1024;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A CPU profile of `run` alone (the inspector's sampling profiler) into `dir`, when set. */
async function profiled<T>(dir: string | undefined, label: string, run: () => Promise<T>): Promise<T> {
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await mkdir(dir, { recursive: true });
    const file = join(dir, `sync-${label}-${Date.now()}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    process.stderr.write(`cpu profile of the sync: ${file}\n`);
  }
}

/** RSS sampled every 50 ms while `run` runs. */
async function sampled<T>(run: () => Promise<T>): Promise<{ value: T; peakRss: number; samples: number }> {
  // memoryUsage.rss() alone: the full memoryUsage() walks the heap spaces (measurable in a profile).
  let peakRss = process.memoryUsage.rss();
  let samples = 0;
  const timer = setInterval(() => {
    samples += 1;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  try {
    const value = await run();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { value, peakRss, samples };
  } finally {
    clearInterval(timer);
  }
}

async function runScenario(name: ScenarioName): Promise<ScenarioResult> {
  const scenario = SCENARIOS[name];
  const rssAfterImports = process.memoryUsage().rss;
  const log = createLogger('bench', 'warn');
  const external = process.env.DATABASE_URL || undefined;
  const adminUrl = defaultTestServerUrl;
  const dbName = external ? undefined : await createEmptyDatabase(adminUrl);
  const url = external ?? databaseUrl(adminUrl, dbName as string);
  await migrateDatabase(url);
  const pool = createPool(url, { applicationName: 'firmly-bench' });
  const db = createDatabase(pool);
  let sandbox: BenchSandbox | undefined;
  let queues: QueueBackend | undefined;
  let workspaceId: string | undefined;
  try {
    const version = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    sandbox =
      scenario.sandbox === 'in-process'
        ? await inProcessSandbox(scenario.unitsPerSecond)
        : await childProcessSandbox(scenario.unitsPerSecond);
    const seedStarted = performance.now();
    const seed: SeedReport = await sandbox.seed(OWN, scenario.messages);
    const seedMs = performance.now() - seedStarted;

    const slug = `bench-sync-${name}-${Date.now().toString(36)}`;
    const { workspace, mailbox } = await connectedMailbox(db, {
      slug,
      provider: 'gmail',
      address: OWN.address,
      refreshToken: await sandbox.grant(OWN.address),
      scope: '',
    });
    workspaceId = workspace.id;
    queues = await createQueueBackend(
      queueBackendConfig({ redisUrl: process.env.REDIS_URL || undefined, databaseUrl: url, prefix: `bench_${Date.now().toString(36)}` }),
      (error, source) => log.error({ err: error, source }, 'queue backend error'),
    );
    const deps = workerDeps({ db, queues, log, settings: sandboxSettings({ gmail: sandbox.url }, scenario.unitsPerSecond) });
    const processors = defaultProcessors(deps);
    const sync = processors.sync;
    if (!sync) throw new Error('no sync processor');
    await sandbox.resetStats(OWN.address);

    collectGarbage();
    const atStart = process.memoryUsage();
    const rssAtStart = atStart.rss;
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const { value: outcome, peakRss } = await sampled(() =>
      profiled(
        process.env.BENCH_SYNC_PROFILE || undefined,
        name,
        () =>
          sync({
            name: 'mailbox.sync',
            data: { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'manual' },
          } as never) as Promise<{ status: string; stored: number; duplicates: number; pages: number }>,
      ),
    );
    const syncMs = performance.now() - started;
    // firmly's own CPU (every thread of this process: main and MIME workers), without the
    // sandbox's when it runs in its own process: what a back-fill costs firmly per message.
    const cpu = process.cpuUsage(cpuAtStart);
    const firmlyCpuMs = (cpu.user + cpu.system) / 1000;
    const maxRss = process.resourceUsage().maxRSS * 1024;

    const stats = await sandbox.stats(OWN.address);
    const [row] = await db.select({ n: count() }).from(schema.messages).where(eq(schema.messages.mailboxId, mailbox.id));
    const storedRows = Number(row?.n ?? 0);
    if (outcome.status !== 'synced' || storedRows !== scenario.messages)
      throw new Error(`sync ${outcome.status}: ${storedRows} rows stored of ${scenario.messages} seeded`);

    return {
      scenario: name,
      title: scenario.title,
      unitsPerSecond: scenario.unitsPerSecond,
      sandbox: scenario.sandbox,
      queueBackend: queues.kind,
      postgres: version,
      seeded: seed.messages,
      threads: seed.threads,
      inboundShare: seed.inbound / seed.messages,
      hungarianShare: seed.hungarian / seed.messages,
      averageBytes: seed.bytes / seed.messages,
      seedMs,
      stored: outcome.stored,
      pages: outcome.pages,
      syncMs,
      messagesPerSecond: outcome.stored / (syncMs / 1000),
      cpuMsPerMessage: firmlyCpuMs / Math.max(1, outcome.stored),
      unitsConsumed: stats.unitsConsumed,
      unitsPerMessage: stats.unitsConsumed / outcome.stored,
      unitsByMethod: stats.unitsByMethod,
      requestsByMethod: stats.requestsByMethod,
      rateLimited: stats.rateLimited,
      rssAfterImportsMb: rssAfterImports / MB,
      rssAtStartMb: rssAtStart / MB,
      heapAtStartMb: atStart.heapUsed / MB,
      externalAtStartMb: atStart.external / MB,
      peakRssMb: peakRss / MB,
      maxRssMb: maxRss / MB,
    };
  } finally {
    await queues?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
    // On a database of its own nothing stays; on DATABASE_URL only the benchmark's workspace goes (cascade).
    if (external && workspaceId)
      await db
        .delete(schema.workspaces)
        .where(eq(schema.workspaces.id, workspaceId))
        .catch(() => undefined);
    await pool.end();
    if (dbName) await dropDatabase(adminUrl, dbName);
  }
}

function runChild(name: ScenarioName): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    // The worker's own V8 flags, so the scenario measures what production runs.
    const execArgv = [...WORKER_NODE_FLAGS.filter((f) => !process.execArgv.includes(f)), ...process.execArgv];
    const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), '--scenario', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      const logs = out
        .split('\n')
        .filter((l) => l && !l.startsWith(RESULT_PREFIX))
        .join('\n');
      if (logs) process.stderr.write(`${logs}\n`);
      if (code !== 0 || !line) reject(new Error(`scenario ${name} exited with code ${code}`));
      else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ScenarioResult);
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = argv[argv.indexOf('--scenario') + 1] as ScenarioName | undefined;
  if (argv.includes('--scenario')) {
    if (!only || !(only in SCENARIOS)) throw new Error(`--scenario ${Object.keys(SCENARIOS).join('|')}`);
    const result = await runScenario(only);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    return;
  }
  const results: ScenarioResult[] = [];
  const chosen = (process.env.BENCH_SYNC_SCENARIOS || Object.keys(SCENARIOS).join(',')).split(',') as ScenarioName[];
  for (const name of chosen) {
    if (!(name in SCENARIOS)) throw new Error(`BENCH_SYNC_SCENARIOS: ${Object.keys(SCENARIOS).join(',')}`);
    process.stderr.write(`bench:sync — ${SCENARIOS[name].title}, ${SCENARIOS[name].messages} messages…\n`);
    // Let PostgreSQL finish the previous scenario's background work (checkpoint, the
    // dropped database's files) first, so it does not compete for the cores.
    await settlePostgres();
    results.push(await runChild(name));
  }
  const machine = machineInfo(dateUtc());
  const table = resultsTable(results, TARGETS);
  process.stdout.write(`\n${machine.line}\n\n${table}\n`);
  if (process.env.BENCH_SYNC_DOCS !== '0') {
    const file = await updateBenchmarksDoc(machine, table, results);
    process.stdout.write(`\nrecorded in ${file}\n`);
  }
}

async function settlePostgres(): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL || defaultTestServerUrl });
  try {
    await admin.connect();
    await admin.query('CHECKPOINT');
  } catch {
    // Not a superuser, or no server: nothing to settle.
  } finally {
    await admin.end().catch(() => undefined);
  }
  await new Promise((resolve) => setTimeout(resolve, 3_000));
}

function dateUtc(): string {
  try {
    return execFileSync('date', ['-u'], { encoding: 'utf8' }).trim();
  } catch {
    return new Date().toUTCString();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
