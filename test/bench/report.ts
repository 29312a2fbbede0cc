import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface ScenarioResult {
  scenario: string;
  title: string;
  /** Sandbox limit and firmly's budget; 0 = unlimited sandbox and no client-side budget. */
  unitsPerSecond: number;
  sandbox: 'in-process' | 'child-process';
  queueBackend: string;
  postgres: string;
  seeded: number;
  threads: number;
  inboundShare: number;
  hungarianShare: number;
  averageBytes: number;
  seedMs: number;
  stored: number;
  pages: number;
  syncMs: number;
  messagesPerSecond: number;
  /** CPU time of this process per stored message (all its threads); the sandbox is excluded when it runs apart. */
  cpuMsPerMessage: number;
  unitsConsumed: number;
  unitsPerMessage: number;
  unitsByMethod: Record<string, number | undefined>;
  requestsByMethod: Record<string, number | undefined>;
  rateLimited: number;
  /** The process before any seeding: node, tsx and firmly's modules. */
  rssAfterImportsMb: number;
  rssAtStartMb: number;
  heapAtStartMb: number;
  externalAtStartMb: number;
  peakRssMb: number;
  maxRssMb: number;
}

/** One users.messages.get (5 units) per stored message is the least a back-fill can spend. */
export const QUOTA_FLOOR = 5;
export const TARGETS = { unitsPerMessage: 1.1 * QUOTA_FLOOR, messagesPerSecond: 1_000, peakRssMb: 300 } as const;

export interface MachineInfo {
  date: string;
  isoDay: string;
  line: string;
}

export function machineInfo(dateUtc: string): MachineInfo {
  const cpu = cpus();
  const line = `${dateUtc} — ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}`;
  return { date: dateUtc, isoDay: new Date().toISOString().slice(0, 10), line };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits: number) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'pass' : '**MISS**');

export function resultsTable(results: readonly ScenarioResult[], targets: typeof TARGETS): string {
  const rows: string[][] = [];
  const cell = (fn: (r: ScenarioResult) => string) => results.map(fn);
  rows.push(['', ...results.map((r) => r.title), 'target']);
  rows.push(['messages stored (pages)', ...cell((r) => `${int(r.stored)} (${r.pages})`), '= seeded']);
  rows.push(['sync wall clock', ...cell((r) => `${fixed(r.syncMs / 1000, 2)} s`), '']);
  rows.push([
    'messages/s',
    ...cell((r) =>
      r.unitsPerSecond === 0
        ? `${int(r.messagesPerSecond)} ${verdict(r.messagesPerSecond >= targets.messagesPerSecond)}`
        : fixed(r.messagesPerSecond, 1),
    ),
    `≥ ${int(targets.messagesPerSecond)} (unlimited)`,
  ]);
  rows.push([
    'firmly CPU per message (all its threads)',
    ...cell(
      (r) =>
        `${fixed(r.cpuMsPerMessage, 3)} ms${r.sandbox === 'in-process' ? ' (incl. sandbox)' : ` → ${int(1000 / r.cpuMsPerMessage)} msg/s per core`}`,
    ),
    '',
  ]);
  rows.push([
    'quota units / stored message',
    ...cell(
      (r) =>
        `${fixed(r.unitsPerMessage, 3)} = ${fixed(r.unitsPerMessage / QUOTA_FLOOR, 3)} × floor ${verdict(r.unitsPerMessage <= targets.unitsPerMessage)}`,
    ),
    `≤ ${fixed(targets.unitsPerMessage, 2)} (1.1 × ${QUOTA_FLOOR})`,
  ]);
  rows.push([
    'units by method',
    ...cell((r) =>
      Object.entries(r.unitsByMethod)
        .map(([m, u]) => `${m.replace('users.', '')} ${int(u ?? 0)}`)
        .join(', '),
    ),
    '',
  ]);
  rows.push([
    '429s served',
    ...cell((r) =>
      r.unitsPerSecond > 0 ? `${r.rateLimited} ${verdict(r.rateLimited <= Math.max(1, r.stored / 1000))}` : String(r.rateLimited),
    ),
    '0 or near 0 (250 units/s)',
  ]);
  rows.push(['RSS after imports (no data yet)', ...cell((r) => `${int(r.rssAfterImportsMb)} MB`), '']);
  rows.push([
    'RSS at sync start, after GC (a, b: with the seeded sandbox)',
    ...cell((r) => `${int(r.rssAtStartMb)} MB (heap ${int(r.heapAtStartMb)}, external ${int(r.externalAtStartMb)})`),
    '',
  ]);
  rows.push([
    'peak RSS during sync (50 ms samples)',
    ...cell((r) => `${int(r.peakRssMb)} MB ${verdict(r.peakRssMb <= targets.peakRssMb)}`),
    `≤ ${targets.peakRssMb} MB`,
  ]);
  rows.push([
    'maxRSS of the process (resourceUsage)',
    ...cell((r) => `${int(r.maxRssMb)} MB ${verdict(r.maxRssMb <= targets.peakRssMb)}`),
    `≤ ${targets.peakRssMb} MB`,
  ]);
  rows.push(['seeding (not timed in msg/s)', ...cell((r) => `${fixed(r.seedMs / 1000, 1)} s`), '']);
  rows.push(['queues / budgets; PostgreSQL', ...cell((r) => `${r.queueBackend}; ${r.postgres}`), '']);
  const line = (cols: string[]) => `| ${cols.join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head as string[]), line((head as string[]).map(() => '---')), ...body.map(line)].join('\n');
}

const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

const HEADER = `# Benchmarks

How fast firmly does its heavy work, measured through the real code paths on a real PostgreSQL,
against the in-process sandboxes (\`packages/sandbox\`). Each benchmark is a script under \`test/bench/\`
run from the repository root; it records its latest results below, one dated section per day
(re-running the same day replaces that day's section).
`;

export const SYNC_SECTION = `## \`pnpm bench:sync\` — Gmail back-fill

**What it measures.** The first sync (back-fill) of one Gmail mailbox through the same
\`defaultProcessors(...).sync\` job the worker runs (lease, googleapis client, quota budget, MIME
normalisation, \`ingestMessages\` + cursor per page, all on PostgreSQL), against the Gmail sandbox in
the same process (as the tests run it; scenario c moves it out). The mailbox is seeded first (not timed) with a deterministic, realistic corpus
(\`test/bench/corpus.ts\`): threads of 1–10 messages (about 3 on average) with five clients over 180
days, about half inbound (INBOX) and half sent (SENT), over a third Hungarian (encoded-word headers,
base64 bodies), half multipart/alternative with HTML, some PDF attachments, a few auto-replies, replies
quoting the previous message; about 6 KB each. Reported per scenario:

- **messages/s** — stored messages ÷ wall clock of the sync job alone;
- **quota units per stored message** — \`sandbox.admin.stats(address).unitsConsumed\` ÷ stored,
  against the floor of 5 (one \`users.messages.get\` each);
- **429s served** by the sandbox (\`stats.rateLimited\`);
- **RSS** — after the imports (node + tsx + firmly's modules, no data), at the start of the sync (after a
  GC, the seeded sandbox in memory), the peak of \`process.memoryUsage().rss\` sampled every 50 ms during
  the sync, and \`process.resourceUsage().maxRSS\` of the scenario's process (which includes seeding).
  The sandbox holds the whole mailbox in the same process, so every RSS figure includes it; the sync's
  own working set is roughly peak − start.

Scenarios, each in its own process and, unless \`DATABASE_URL\` is set, its own fresh database:
(a) 20,000 messages, sandbox quota unlimited and firmly's budget off
(\`GMAIL_QUOTA_UNITS_PER_SECOND=0\`); (b) 1,000 messages with the sandbox at Google's 250 units/s and
firmly's budget at 250 (quota-bound: ~25–30 messages/s); (c) as (a) but with the sandbox in a child
process of its own, so the measured process is firmly alone (\`test/bench/sandbox-host.ts\`).

**Targets.** ≥ 1,000 messages/s in (a) (the sandbox in the same process, sharing its cores); ≤ 1.1 ×
the quota floor (5.5 units/message); 0 or near-0 429s in (b); peak RSS ≤ 300 MB.

**How to run.** A PostgreSQL on \`postgres://postgres@127.0.0.1:5432/postgres\` (a fresh database is
created and dropped), or \`DATABASE_URL\` (used as is; the benchmark's workspace is deleted after).
\`REDIS_URL\` moves budgets and leases to Redis, as in production.

\`\`\`sh
pnpm bench:sync
BENCH_SYNC_MESSAGES=5000 BENCH_SYNC_DOCS=0 pnpm bench:sync       # smaller, without touching this file
node --import tsx test/bench/sync.ts --scenario unlimited        # one scenario, JSON result
# CPU profile of the sync alone (seeding excluded), then the top self time and the sandbox/firmly split:
BENCH_SYNC_PROFILE=/tmp/bench-prof node --import tsx test/bench/sync.ts --scenario unlimited
node --import tsx test/bench/profile-summary.ts /tmp/bench-prof/*.cpuprofile [--top 40] [--bucket sandbox]
\`\`\`
`;

export async function updateBenchmarksDoc(machine: MachineInfo, table: string, results: readonly ScenarioResult[]): Promise<string> {
  const corpus = results[0];
  const block = [
    `<!-- bench:sync ${machine.isoDay} -->`,
    `### Results ${machine.isoDay}`,
    '',
    machine.line,
    '',
    corpus
      ? `Corpus: ${int(corpus.seeded)} messages in ${int(corpus.threads)} threads, ${Math.round(corpus.inboundShare * 100)} % inbound, ${Math.round(corpus.hungarianShare * 100)} % Hungarian, ${fixed(corpus.averageBytes / 1024, 1)} KB on average.`
      : '',
    '',
    table,
    `<!-- /bench:sync ${machine.isoDay} -->`,
  ].join('\n');
  return recordBenchSection({ tag: 'bench:sync', heading: '## `pnpm bench:sync`', section: SYNC_SECTION, machine, block });
}

/**
 * Writes one benchmark's section of docs/benchmarks.md: its description (rewritten each run, as
 * it follows the script) and the day's results block between `<!-- tag day -->` markers
 * (replaced when the day already has one; earlier days stay).
 */
export async function recordBenchSection(input: {
  tag: string;
  /** The start of the section's "## " heading line, to find it. */
  heading: string;
  section: string;
  machine: MachineInfo;
  block: string;
}): Promise<string> {
  const { tag, heading: headingText, section, machine, block } = input;
  let doc = existsSync(DOC) ? await readFile(DOC, 'utf8') : HEADER;
  const heading = doc.indexOf(headingText);
  if (heading < 0) doc = `${doc.trimEnd()}\n\n${section}`;
  else {
    const firstResult = doc.indexOf(`<!-- ${tag} `, heading);
    const nextSection = doc.indexOf('\n## ', heading + 1);
    const stop = [firstResult, nextSection].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? doc.length;
    doc = `${doc.slice(0, heading)}${section}\n${doc.slice(stop).trimStart()}`;
  }
  const start = `<!-- ${tag} ${machine.isoDay} -->`;
  const end = `<!-- /${tag} ${machine.isoDay} -->`;
  const at = doc.indexOf(start);
  if (at >= 0) doc = `${doc.slice(0, at)}${block}${doc.slice(doc.indexOf(end, at) + end.length)}`;
  else {
    // At the end of this section: before the next "## " heading, or at the end of the file.
    const next = doc.indexOf('\n## ', doc.indexOf(headingText) + 1);
    doc = next < 0 ? `${doc.trimEnd()}\n\n${block}\n` : `${doc.slice(0, next).trimEnd()}\n\n${block}\n${doc.slice(next)}`;
  }
  await writeFile(DOC, doc.endsWith('\n') ? doc : `${doc}\n`);
  return DOC;
}
