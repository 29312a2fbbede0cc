/**
 * `pnpm bench:api` (issue 6): `GET /v1/review-queue` over 10,000 pending drafts at 100
 * concurrent connections (autocannon), next to a bare Fastify route in the same run.
 * Targets: p99 < 50 ms, and at least 25 % of the bare route's requests/s.
 *
 *   node --import tsx test/bench/api.ts                      writes docs/benchmarks.md
 *   BENCH_API_DOCS=0 BENCH_API_SECONDS=3 node --import tsx test/bench/api.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
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
    const bare = await startServer(['--bare']);
    children.push(bare.child);
    // BENCH_API_PATH measures another path of the same server (e.g. /healthz, for the stack's own cost).
    const path = process.env.BENCH_API_PATH || `/v1/review-queue?limit=${PAGE}`;
    const queue = await load(`${firmly.url}${path}`, { authorization });
    const bareResult = await load(`${bare.url}/bare`, {});
    const share = queue.requestsPerSecond / bareResult.requestsPerSecond;
    const results = { drafts: DRAFTS, connections: CONNECTIONS, seconds: SECONDS, page: PAGE, queue, bare: bareResult, share };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    if (queue.non2xx > 0 || queue.errors > 0)
      throw new Error(`the review queue answered ${queue.non2xx} non-2xx and ${queue.errors} errors`);
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
      `| bare Fastify route, same run | ${n(bareResult.requestsPerSecond)} req/s, p99 ${n(bareResult.p99Ms)} ms |  |`,
      `| review queue / bare route throughput | ${n(share * 100, 1)} % | ≥ ${TARGETS.shareOfBare * 100} % ${verdict(share >= TARGETS.shareOfBare)} |`,
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
a read-scoped API key (authentication, scope check, the keyset query, the zod response serialiser and the
security headers all included; the rate limit raised for the run). The API runs in a process of its own
(queues on PostgreSQL, the embedded default); autocannon drives ${CONNECTIONS} connections from this process for
${SECONDS} s after a 2 s warm-up. A bare Fastify route answering a fixed empty page runs in the same way
right after, as the ceiling of this machine. Targets: p99 < ${TARGETS.p99Ms} ms, and at least
${TARGETS.shareOfBare * 100} % of the bare route's requests/s.

\`\`\`sh
pnpm bench:api
BENCH_API_DOCS=0 BENCH_API_SECONDS=3 pnpm bench:api   # shorter, prints JSON only
\`\`\`
`;

function n0(value: number): string {
  return value.toLocaleString('en-US');
}

await main();
