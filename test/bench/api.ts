/**
 * `pnpm bench:api` (issue 6): `GET /v1/review-queue` over 10,000 pending drafts at 100
 * concurrent connections (autocannon), next to a bare Fastify route in the same run.
 * Targets: p99 < 50 ms, and at least 25 % of the bare route's requests/s.
 *
 *   node --import tsx test/bench/api.ts                      writes docs/benchmarks.md
 *   BENCH_API_DOCS=0 BENCH_API_SECONDS=3 node --import tsx test/bench/api.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueApiKey } from '@firmly/config';
import { createDatabase, createPool, migrateDatabase, schema } from '@firmly/db';
import { createEmptyDatabase, databaseUrl, defaultTestServerUrl, dropDatabase } from '@firmly/db/testing/server';
import autocannon from 'autocannon';
import { machineInfo, recordBenchSection } from './report';

const DRAFTS = Number(process.env.BENCH_API_DRAFTS || 10_000);
const CLIENTS = 50;
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS || 100);
const SECONDS = Number(process.env.BENCH_API_SECONDS || 15);
const PAGE = 50;
/** Drafts changed per second in the second run (each one a NOTIFY that drops the workspace's kept pages). */
const CHANGES_PER_SECOND = Number(process.env.BENCH_API_CHANGES || 20);
const TARGETS = { p99Ms: 50, shareOfBare: 0.25 } as const;

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function seed(url: string): Promise<string> {
  const pool = createPool(url, { applicationName: 'bench-api-seed' });
  const db = createDatabase(pool);
  try {
    const [ws] = await db.insert(schema.workspaces).values({ slug: 'bench', name: 'Bench Studio' }).returning();
    if (!ws) throw new Error('no workspace');
    const [owner] = await db
      .insert(schema.operators)
      .values({ workspaceId: ws.id, email: 'owner@bench.example', name: 'Owner', role: 'owner' })
      .returning();
    const [mailbox] = await db
      .insert(schema.mailboxes)
      .values({ workspaceId: ws.id, provider: 'gmail', address: 'studio@bench.example' })
      .returning();
    if (!owner || !mailbox) throw new Error('no owner or mailbox');
    const key = issueApiKey();
    await db
      .insert(schema.apiKeys)
      .values({ workspaceId: ws.id, operatorId: owner.id, name: 'bench', prefix: key.prefix, keyHash: key.hash, scopes: ['read'] });
    const clients = await db
      .insert(schema.clients)
      .values(
        Array.from({ length: CLIENTS }, (_, index) => ({ workspaceId: ws.id, name: `Client ${index + 1}`, timezone: 'Europe/Budapest' })),
      )
      .returning({ id: schema.clients.id });
    const started = Date.parse('2026-11-01T09:00:00Z');
    for (let offset = 0; offset < DRAFTS; offset += 1_000) {
      await db.insert(schema.outgoingEmails).values(
        Array.from({ length: Math.min(1_000, DRAFTS - offset) }, (_, i) => {
          const index = offset + i;
          const client = clients[index % clients.length];
          if (!client) throw new Error('no client');
          return {
            workspaceId: ws.id,
            clientId: client.id,
            mailboxId: mailbox.id,
            kind: index % 2 === 0 ? ('nudge' as const) : ('payment_reminder' as const),
            locale: index % 3 === 0 ? 'hu' : 'en',
            idempotencyKey: `bench-${index}`,
            messageId: `<bench-${index}@bench.example>`,
            to: [{ address: `client${index % CLIENTS}@client.example`, name: `Client ${index % CLIENTS}` }],
            subject: `Re: Spring campaign, week ${index}`,
            html: `<p>Draft ${index}</p>`.repeat(40),
            text: `Draft ${index}\n`.repeat(40),
            createdAt: new Date(started + index * 60_000),
          };
        }),
      );
    }
    return `Bearer ${key.token}`;
  } finally {
    await pool.end();
  }
}

function startServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // BENCH_API_PROFILE=<dir> writes a CPU profile of the firmly server there (for finding what a request costs).
    const profile =
      process.env.BENCH_API_PROFILE && args[0] === '--firmly' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROFILE}`] : [];
    const child = spawn(
      process.execPath,
      [...profile, ...process.execArgv, fileURLToPath(new URL('./api-server.ts', import.meta.url)), ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const url = /LISTENING (\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function load(url: string, headers: Record<string, string>): Promise<LoadResult> {
  // One request first: a misconfigured run should fail with the answer, not measure errors.
  const probe = await fetch(url, { headers });
  if (!probe.ok) throw new Error(`${url} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  if (process.env.BENCH_API_DEBUG) {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(url, { headers }).then((r) => r.status)));
    process.stderr.write(`20 parallel: ${answers.join(',')} in ${(performance.now() - started).toFixed(0)} ms\n`);
  }
  // A short warm-up first, so JIT and the connection pool are in their steady state.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Runs `work` while another connection changes a pending draft of the workspace
 * `perSecond` times a second (a new snooze end in the past: the draft stays in the queue,
 * the row changes, the trigger notifies), as operators and workers would.
 */
async function withChanges<T>(url: string, perSecond: number, work: () => Promise<T>): Promise<{ result: T; changes: number }> {
  const pool = createPool(url, { applicationName: 'bench-api-changes', max: 2 });
  let changes = 0;
  let stop = false;
  const changer = (async () => {
    while (!stop) {
      const started = performance.now();
      await pool.query(
        `UPDATE outgoing_emails SET snoozed_until = now() - interval '1 day' * random()
          WHERE id = (SELECT id FROM outgoing_emails WHERE state = 'pending_review' OFFSET floor(random() * 100) LIMIT 1)`,
      );
      changes += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / perSecond - (performance.now() - started))));
    }
  })();
  try {
    return { result: await work(), changes };
  } finally {
    stop = true;
    await changer;
    await pool.end();
  }
}

async function main(): Promise<void> {
  const adminUrl = defaultTestServerUrl;
  const dbName = await createEmptyDatabase(adminUrl);
  const url = databaseUrl(adminUrl, dbName);
  const children: ChildProcess[] = [];
  try {
    await migrateDatabase(url);
    const authorization = await seed(url);
    const firmly = await startServer(['--firmly', url]);
    children.push(firmly.child);
    // BENCH_API_PATH measures another path of the same server (e.g. /healthz, for the stack's own cost).
    const path = process.env.BENCH_API_PATH || `/v1/review-queue?limit=${PAGE}`;
    // The bare server answers with the very bytes the review queue answers with.
    const pageFile = join(await mkdtemp(join(tmpdir(), 'bench-api-')), 'page.json');
    const answer = await fetch(`${firmly.url}${path}`, { headers: { authorization } });
    await writeFile(pageFile, Buffer.from(await answer.arrayBuffer()));
    const bare = await startServer(['--bare', pageFile]);
    children.push(bare.child);

    const queue = await load(`${firmly.url}${path}`, { authorization });
    const changing = await withChanges(url, CHANGES_PER_SECOND, () => load(`${firmly.url}${path}`, { authorization }));
    const barePage = await load(`${bare.url}/bare/page`, {});
    const bareEmpty = await load(`${bare.url}/bare`, {});
    const share = queue.requestsPerSecond / barePage.requestsPerSecond;
    const shareOfEmpty = queue.requestsPerSecond / bareEmpty.requestsPerSecond;
    const pageBytes = (await readFile(pageFile)).length;
    const results = {
      drafts: DRAFTS,
      connections: CONNECTIONS,
      seconds: SECONDS,
      page: PAGE,
      pageBytes,
      queue,
      changing: { changesPerSecond: CHANGES_PER_SECOND, ...changing.result, changesMade: changing.changes },
      barePage,
      bareEmpty,
      share,
      shareOfEmpty,
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    for (const [name, run] of [
      ['the review queue', queue],
      ['the review queue under changes', changing.result],
    ] as const) {
      if (run.non2xx > 0 || run.errors > 0) throw new Error(`${name} answered ${run.non2xx} non-2xx and ${run.errors} errors`);
    }
    if (process.env.BENCH_API_DOCS === '0') return;
    const machine = machineInfo(new Date().toUTCString());
    const n = (value: number, digits = 0) =>
      value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    const verdict = (ok: boolean) => (ok ? 'pass' : '**MISS**');
    const block = [
      `<!-- bench:api ${machine.isoDay} -->`,
      `### Results ${machine.isoDay}`,
      '',
      machine.line,
      '',
      '| measure | value | target |',
      '| --- | --- | --- |',
      `| \`GET /v1/review-queue?limit=${PAGE}\` over ${n(DRAFTS)} drafts, ${CONNECTIONS} connections, ${SECONDS} s | ${n(queue.requestsPerSecond)} req/s, p50 ${n(queue.p50Ms)} ms, p99 ${n(queue.p99Ms)} ms | p99 < ${TARGETS.p99Ms} ms ${verdict(queue.p99Ms < TARGETS.p99Ms)} |`,
      `| the same, while ${n(CHANGES_PER_SECOND)} drafts/s change in the workspace (${n(changing.changes)} changes) | ${n(changing.result.requestsPerSecond)} req/s, p50 ${n(changing.result.p50Ms)} ms, p99 ${n(changing.result.p99Ms)} ms | (what changes cost) |`,
      `| bare Fastify route sending the same ${n(pageBytes)} bytes, same run | ${n(barePage.requestsPerSecond)} req/s, p99 ${n(barePage.p99Ms)} ms |  |`,
      `| review queue / bare route throughput | ${n(share * 100, 1)} % | ≥ ${TARGETS.shareOfBare * 100} % ${verdict(share >= TARGETS.shareOfBare)} |`,
      `| bare Fastify route sending an empty page (31 bytes), same run | ${n(bareEmpty.requestsPerSecond)} req/s, p99 ${n(bareEmpty.p99Ms)} ms |  |`,
      `| review queue / empty-page bare route | ${n(shareOfEmpty * 100, 1)} % | (reference) |`,
      `<!-- /bench:api ${machine.isoDay} -->`,
    ].join('\n');
    const doc = await recordBenchSection({ tag: 'bench:api', heading: API_HEADING, section: API_SECTION, machine, block });
    process.stdout.write(`recorded in ${doc}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    if (process.env.BENCH_API_KEEP_DB) process.stderr.write(`kept ${url}\n`);
    else await dropDatabase(adminUrl, dbName).catch(() => undefined);
  }
}

const API_HEADING = '## `pnpm bench:api` — the review queue under load';
const API_SECTION = `${API_HEADING}

**What it measures.** \`GET /v1/review-queue?limit=${PAGE}\` — the first page of the review queue, as the
web page asks for it — against a fresh database holding ${n0(DRAFTS)} pending drafts across ${CLIENTS} clients, with
a read-scoped API key (authentication, scope check, query validation, the rate limit — raised for the run —,
security headers and request ids all included). Pages the workspace has not changed since are answered from
memory (the key lookup too), with their age and send plans written at each request; a change drops them. The API runs in a process of its own
(queues on PostgreSQL, the embedded default); autocannon drives ${CONNECTIONS} connections from this process for
${SECONDS} s after a 2 s warm-up. It runs a second time while another connection changes
${n0(CHANGES_PER_SECOND)} drafts a second, each change dropping the workspace's kept pages (see docs/api.md, "Consistency").
Then a bare Fastify route runs the same way, answering with the same bytes the review queue answered
(a copy taken before the runs), as the ceiling of this machine for that answer; and a bare route answering
an empty page, for reference: on loopback a page of about 30 KB cannot be sent as often as 31 bytes.
Targets: p99 < ${TARGETS.p99Ms} ms, and at least ${TARGETS.shareOfBare * 100} % of the bare route's requests/s.

\`\`\`sh
pnpm bench:api
BENCH_API_DOCS=0 BENCH_API_SECONDS=3 pnpm bench:api   # shorter, prints JSON only
\`\`\`
`;

function n0(value: number): string {
  return value.toLocaleString('en-US');
}

await main();
