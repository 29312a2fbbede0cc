/**
 * Summarises V8 .cpuprofile files (from `node --cpu-prof` or BENCH_SYNC_PROFILE):
 * the top functions by self time, and how the time splits between the Gmail sandbox
 * (which runs in the same process as firmly during benchmarks) and firmly itself.
 *
 *   node --import tsx test/bench/profile-summary.ts file.cpuprofile [more…] [--top 30] [--bucket 'firmly: pg']
 *
 * A frame belongs to the first bucket found walking up from it through its callers:
 * its own script (firmly's packages, the sandbox package, or a known dependency of
 * either), else node's HTTP server (sandbox) or client (firmly) on the stack.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

type Bucket =
  | 'sandbox'
  | 'firmly code'
  | 'firmly: googleapis/gaxios/node-fetch'
  | 'firmly: pg + drizzle'
  | 'firmly: postal-mime'
  | 'firmly: other deps'
  | 'gc'
  | 'idle'
  | 'program/unattributed';

const RULES: Array<[RegExp, Bucket]> = [
  [/\/packages\/sandbox\//, 'sandbox'],
  [
    /\/node_modules\/(fastify|@fastify\/[^/]+|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring|secure-json-parse|toad-cache|fast-uri|ajv|jose|selfsigned)\//,
    'sandbox',
  ],
  [/node:_http_server/, 'sandbox'],
  [/\/(packages\/(mail|db|queue|core|config)|services\/worker|test\/(support|bench))\//, 'firmly code'],
  [
    /\/node_modules\/(gaxios|googleapis-common|google-auth-library|@googleapis\/gmail|node-fetch|fetch-blob|formdata-polyfill|gtoken|url-template|extend|qs|data-uri-to-buffer|agent-base|https-proxy-agent)\//,
    'firmly: googleapis/gaxios/node-fetch',
  ],
  [/node:_http_client|node:_http_agent/, 'firmly: googleapis/gaxios/node-fetch'],
  [/\/node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+|drizzle-orm)\//, 'firmly: pg + drizzle'],
  [/\/node_modules\/postal-mime\//, 'firmly: postal-mime'],
  [/\/node_modules\/(bullmq|ioredis|zod|pino|nodemailer)\//, 'firmly: other deps'],
];

function ownBucket(frame: CallFrame): Bucket | undefined {
  if (frame.functionName === '(garbage collector)') return 'gc';
  if (frame.functionName === '(idle)') return 'idle';
  for (const [re, bucket] of RULES) if (re.test(frame.url)) return bucket;
  return undefined;
}

function short(frame: CallFrame): string {
  const url = frame.url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^.*?\/(packages|services|test)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${url ? `${url}:${frame.lineNumber + 1}` : ''}`.trim();
}

export function summarise(profile: CpuProfile, top: number, only?: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketCache = new Map<number, Bucket>();
  const bucketOf = (id: number): Bucket => {
    const cached = bucketCache.get(id);
    if (cached) return cached;
    const chain: number[] = [];
    let found: Bucket = 'program/unattributed';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const known = bucketCache.get(at);
      if (known) {
        found = known;
        break;
      }
      chain.push(at);
      const own = ownBucket((byId.get(at) as ProfileNode).callFrame);
      if (own) {
        found = own;
        break;
      }
    }
    for (const c of chain) bucketCache.set(c, found);
    return found;
  };

  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => bucketOf(id) === 'idle').reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;

  const buckets = new Map<Bucket, number>();
  const functions = new Map<string, { us: number; bucket: Bucket }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id) as ProfileNode;
    const bucket = bucketOf(id);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    if (bucket === 'idle') continue;
    const key = short(node.callFrame);
    const entry = functions.get(key) ?? { us: 0, bucket };
    entry.us += us;
    functions.set(key, entry);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const lines = [
    `profiled ${ms(total)}, of which idle ${ms(idle)}; busy ${ms(busy)} (percentages of busy time)`,
    '',
    '| bucket | self time | share |',
    '| --- | --- | --- |',
    ...[...buckets]
      .filter(([b]) => b !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .map(([b, us]) => `| ${b} | ${ms(us)} | ${pct(us)} |`),
    '',
    '| # | function | bucket | self | share |',
    '| --- | --- | --- | --- | --- |',
    ...[...functions]
      .filter(([, e]) => !only || e.bucket.startsWith(only))
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([f, e], i) => `| ${i + 1} | \`${f}\` | ${e.bucket} | ${ms(e.us)} | ${pct(e.us)} |`),
  ];
  return lines.join('\n');
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const bucketAt = args.indexOf('--bucket');
const only = bucketAt >= 0 ? args[bucketAt + 1] : undefined;
const files = args.filter((a) => a.endsWith('.cpuprofile'));
if (files.length === 0) {
  process.stderr.write('usage: node --import tsx test/bench/profile-summary.ts file.cpuprofile [more…] [--top N]\n');
  process.exit(2);
}
for (const file of files) {
  process.stdout.write(`## ${file}\n\n${summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top, only)}\n\n`);
}
