/**
 * The `bench:escalate` section of docs/benchmarks.md: written once at the end of the file, then
 * one dated results block per day inside it (re-running the same day replaces that day's block).
 */
import type { EvaluationResult } from './escalate-evaluate';
import type { RenderResult } from './escalate-render';
import { type MachineInfo, recordBenchSection } from './report';

const HEADING = '## `pnpm bench:escalate` — escalation decisions and email rendering';

export const TARGET_SPEED_UP = 100;

const SECTION = `${HEADING}

**What it measures.** The two hot paths of issue 5, in process, without PostgreSQL or Redis.

- **Evaluate and schedule**: \`evaluateEscalations\` (\`packages/core/src/escalation/\`) for 10,000
  clients at one \`now\`, the calendar view shared per working calendar (Europe/Budapest with Hungarian
  holidays, Europe/London with British ones), half on each. The clients come from
  \`test/bench/escalate-clients.ts\`: twelve situations in turn — open asks past their SLA, a nudge sent and
  the firm notice due, overdue invoices without and with a sent reminder, a sent work-paused notice,
  a payment while paused, sustained control scores, a nudge draft whose ask was since answered,
  disputed and promised invoices, nothing due yet, several ladders at once, and healthy clients.
  Their past is replayed by the ladders themselves on a fake clock (untimed), so runs, step keys and
  sent times are what the worker would have stored. Reported: total time, clients/s, the actions by
  type, and RSS (read every 250 clients, as the loop is synchronous; after a GC before the pass);
  the process's maxRSS over the whole run is reported beside it.
  "Schedule" is each client's next \`recheck_at\`, the time of its next delayed job.
- **Render**: 10,000 emails, every kind × locale in turn with the sample data of
  \`@firmly/templates\` (\`sampleFor\`), through \`renderEmail\` on the templates compiled by
  \`precompileTemplates()\` (timed on its own), against \`renderEmailUncompiled\`, which runs
  \`mjml2html\` for every email, on the first 300 of the same emails (per-email time extrapolated).
  Both are measured warm, as in a long-running worker: the compiled path after three passes over the
  emails (its generated fill functions take thousands of calls to be optimised), MJML after two
  emails of every kind × locale. Then five paired rounds: a compiled pass over the 10,000 emails,
  then MJML on the next 60 of the sample. The speed-up is the median of the rounds' ratios, so both
  sides of each ratio ran within the same second on this shared machine, where one pass moves by
  ±30 % with the load. Rendering runs in a process of its own, started with the worker's V8 flags
  (the worker is where emails are rendered), so the evaluation's heap and JIT state do not bias it.
  Target: compiled ≥ ${TARGET_SPEED_UP}× faster.

\`\`\`sh
pnpm bench:escalate
BENCH_ESCALATE_DOCS=0 BENCH_ESCALATE_CLIENTS=2000 BENCH_ESCALATE_EMAILS=2000 pnpm bench:escalate   # smaller, prints JSON only
\`\`\`
`;

const n = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => `${key} ${n(count)}`)
    .join(', ') || 'none';

export interface ProcessMemory {
  /** process.resourceUsage().maxRSS: the whole run, set-up and both measures included. */
  maxRssMb: number;
}

export function resultsBlock(
  machine: MachineInfo,
  evaluation: EvaluationResult,
  render: RenderResult,
  uncompiledSample: number,
  memory: ProcessMemory,
): string {
  const { counts } = evaluation;
  const drafts = Object.values(counts.draftsByKind).reduce((sum, count) => sum + count, 0);
  return [
    `<!-- bench:escalate ${machine.isoDay} -->`,
    `### Results ${machine.isoDay}`,
    '',
    machine.line,
    '',
    '| measure | value | target |',
    '| --- | --- | --- |',
    `| evaluate ${n(evaluation.clients)} clients (2 calendars) | ${n(evaluation.ms, 1)} ms → ${n(evaluation.clientsPerSecond)} clients/s |  |`,
    `| clients with a step due (draft, cancel, status or alert) | ${n(counts.clientsWithDueSteps)} |  |`,
    `| drafts by kind | ${n(drafts)}: ${tally(counts.draftsByKind)} |  |`,
    `| cancelled drafts / status changes / operator alerts | ${n(counts.cancels)} / ${tally(counts.statusChanges)} / ${n(counts.alerts)} |  |`,
    `| rechecks scheduled (next \`recheck_at\`) | ${n(counts.rechecks)} |  |`,
    `| RSS before the pass (after GC) / peak during it | ${n(evaluation.rssBeforeMb)} MB / ${n(evaluation.peakRssMb)} MB |  |`,
    `| \`precompileTemplates()\`: ${render.combinations} kinds × locales | ${n(render.precompileMs)} ms |  |`,
    `| render ${n(render.compiled.emails)} emails, compiled templates (median of 5 rounds; fastest–slowest ${n(render.compiledRangeUs[0], 1)}–${n(render.compiledRangeUs[1], 1)} µs/email) | ${n(render.compiled.ms)} ms → ${n(render.compiled.perEmailUs, 1)} µs/email |  |`,
    `| render with \`mjml2html\` per email (${n(uncompiledSample)}-email sample, extrapolated) | ${n(render.uncompiled.perEmailUs, 0)} µs/email → ${n((render.uncompiled.perEmailUs * render.compiled.emails) / 1e6, 1)} s for ${n(render.compiled.emails)} |  |`,
    `| maxRSS of the evaluating process (set-up and evaluation) / of the rendering process | ${n(memory.maxRssMb)} MB / ${n(render.maxRssMb)} MB |  |`,
    `| speed-up of the compiled templates (median of the rounds' ratios; lowest–highest ${n(render.speedUpRange[0], 0)}–${n(render.speedUpRange[1], 0)}×) | ${n(render.speedUp, 0)}× | ≥ ${TARGET_SPEED_UP}× ${render.speedUp >= TARGET_SPEED_UP ? 'pass' : '**MISS**'} |`,
    `<!-- /bench:escalate ${machine.isoDay} -->`,
  ].join('\n');
}

export function recordResults(machine: MachineInfo, block: string): Promise<string> {
  return recordBenchSection({ tag: 'bench:escalate', heading: HEADING, section: SECTION, machine, block });
}
