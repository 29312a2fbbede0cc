/**
 * `pnpm bench:escalate` (issue 5): (1) evaluate and schedule 10,000 clients with ladder steps due
 * — time, clients/s, the actions by type, peak RSS — and (2) render 10,000 emails through the
 * compiled templates against running mjml2html per email (target: ≥ 100× faster).
 *
 *   node --import tsx test/bench/escalate.ts          writes docs/benchmarks.md
 *   BENCH_ESCALATE_DOCS=0 BENCH_ESCALATE_CLIENTS=2000 BENCH_ESCALATE_EMAILS=2000 node --import tsx test/bench/escalate.ts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultEscalationSettings } from '@firmly/core';
// The flags alone: the worker's whole module graph would add 40 MB to the evaluation's RSS.
import { WORKER_NODE_FLAGS } from '@firmly/worker/node-flags';
import { benchClients, sharedCalendars } from './escalate-clients';
import { measureEvaluation } from './escalate-evaluate';
import { measureRendering, type RenderResult } from './escalate-render';
import { recordResults, resultsBlock } from './escalate-report';
import { machineInfo } from './report';

const CLIENTS = Number(process.env.BENCH_ESCALATE_CLIENTS || 10_000);
const EMAILS = Number(process.env.BENCH_ESCALATE_EMAILS || 10_000);
/** mjml2html takes milliseconds per email; a sample gives its per-email cost without minutes of waiting. */
const UNCOMPILED_SAMPLE = Math.min(300, EMAILS);
/** A Wednesday morning in both zones, clear of public holidays. */
const NOW = new Date('2026-12-09T10:30:00Z');

function evaluateClients(): ReturnType<typeof measureEvaluation> {
  const settings = defaultEscalationSettings;
  const calendars = sharedCalendars();
  return measureEvaluation(benchClients(CLIENTS, NOW, settings, calendars), settings, calendars);
}

const RESULT_PREFIX = 'RENDER_RESULT ';

/**
 * Rendering runs in its own process, started with the worker's V8 flags (the worker renders in
 * production): the evaluation's heap and JIT state would otherwise bias it, by 10–15 % here.
 */
function renderInChild(): Promise<RenderResult> {
  return new Promise((resolve, reject) => {
    const execArgv = [...WORKER_NODE_FLAGS.filter((flag) => !process.execArgv.includes(flag)), ...process.execArgv];
    const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), '--render'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) reject(new Error(`the rendering process exited with code ${code}`));
      else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as RenderResult);
    });
  });
}

async function main() {
  if (process.argv.includes('--render')) {
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(await measureRendering(EMAILS, UNCOMPILED_SAMPLE))}\n`);
    return;
  }
  const evaluation = evaluateClients();
  const render = await renderInChild();
  const memory = { maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify({ evaluation, render, memory }, null, 2)}\n`);
  if (process.env.BENCH_ESCALATE_DOCS === '0') return;
  const machine = machineInfo(new Date().toUTCString());
  const doc = await recordResults(machine, resultsBlock(machine, evaluation, render, UNCOMPILED_SAMPLE, memory));
  process.stdout.write(`recorded in ${doc}\n`);
}

await main();
