/**
 * The rendering half of `bench:escalate`: the same mixed emails rendered through the compiled
 * templates (MJML ran once per kind × locale, each email only fills escaped values) and through
 * the slow path that runs mjml2html for every email.
 */
import { performance } from 'node:perf_hooks';
// Not yet a dependency of this package (test/package.json); imported by path until it is.
import {
  EMAIL_KINDS,
  EMAIL_LOCALES,
  type EmailKind,
  type EmailLocale,
  precompileTemplates,
  type RenderedEmail,
  renderEmail,
  renderEmailUncompiled,
  sampleFor,
} from '@firmly/templates';

/** The kinds that answer in the thread their cause came from, so they keep its subject. */
const REPLIES: ReadonlySet<EmailKind> = new Set([
  'nudge',
  'firm_notice',
  'payment_reminder',
  'work_paused',
  'work_resumed',
  'expectations_reset',
]);

interface EmailJob {
  kind: EmailKind;
  locale: EmailLocale;
  compiled: () => Promise<RenderedEmail>;
  uncompiled: () => Promise<RenderedEmail>;
}

function emailJob<Kind extends EmailKind>(kind: Kind, locale: EmailLocale, index: number): EmailJob {
  const data = sampleFor(kind, undefined, index % 4 < 2 ? 'formal' : 'informal');
  // Each reply gets its own thread subject, so no two emails of a kind are byte-identical.
  const options = REPLIES.has(kind) ? { threadSubject: `Spring campaign, week ${index}` } : {};
  return {
    kind,
    locale,
    compiled: () => renderEmail(kind, locale, data, options),
    uncompiled: () => renderEmailUncompiled(kind, locale, data, options),
  };
}

/** `count` emails cycling through every kind × locale, so the mix is even. */
export function emailJobs(count: number): EmailJob[] {
  const combos = EMAIL_KINDS.flatMap((kind) => EMAIL_LOCALES.map((locale) => ({ kind, locale })));
  return Array.from({ length: count }, (_, index) => {
    const combo = combos[index % combos.length] ?? { kind: 'nudge' as const, locale: 'en' as const };
    return emailJob(combo.kind, combo.locale, index);
  });
}

export interface RenderPass {
  emails: number;
  ms: number;
  perEmailUs: number;
  /** Total HTML + text produced: checked to be non-zero, and it keeps the work from being optimised away. */
  bytes: number;
}

async function renderAll(jobs: readonly EmailJob[], path: 'compiled' | 'uncompiled'): Promise<RenderPass> {
  let bytes = 0;
  const started = performance.now();
  for (const job of jobs) {
    const email = await job[path]();
    bytes += email.html.length + email.text.length;
  }
  const ms = performance.now() - started;
  if (bytes === 0) throw new Error(`the ${path} path rendered nothing`);
  return { emails: jobs.length, ms, perEmailUs: (ms * 1000) / jobs.length, bytes };
}

export interface RenderResult {
  combinations: number;
  precompileMs: number;
  /** The median of the rounds' compiled passes over all the emails. */
  compiled: RenderPass;
  /** Per-email time of the fastest and slowest compiled pass. */
  compiledRangeUs: [number, number];
  uncompiled: RenderPass;
  /** The median of the rounds' ratios (MJML per email over compiled per email, measured side by side). */
  speedUp: number;
  speedUpRange: [number, number];
  /** maxRSS of the process that rendered (its own, started for this measurement). */
  maxRssMb: number;
}

/**
 * Paired rounds: each is one compiled pass over all the emails, then MJML on the next slice of
 * the sample, so both sides of every ratio ran within the same second. One compiled pass moves by
 * ±30 % with this shared machine's load; a ratio of two passes measured minutes apart moved from
 * 73× to 132× between runs, a ratio of neighbours much less.
 */
const ROUNDS = 5;
/** Passes over the emails before measuring: by the third, each kind's generated fill functions are optimised. */
const WARM_UP_PASSES = 3;

export async function measureRendering(emails: number, uncompiledSample: number): Promise<RenderResult> {
  const started = performance.now();
  await precompileTemplates();
  const precompileMs = performance.now() - started;

  const jobs = emailJobs(emails);
  const combinations = EMAIL_KINDS.length * EMAIL_LOCALES.length;
  // Both paths are measured warm, as in a long-running worker: the compiled one after three
  // passes over the emails (its per-email work is small enough that JIT warm-up dominates until
  // each kind's generated fill functions are optimised, and a worker renders from the same few
  // dozen for weeks), MJML after two emails of every kind × locale.
  for (let pass = 0; pass < WARM_UP_PASSES; pass += 1) await renderAll(jobs, 'compiled');
  await renderAll(jobs.slice(0, 2 * combinations), 'uncompiled');

  const slice = Math.max(1, Math.floor(uncompiledSample / ROUNDS));
  const passes: RenderPass[] = [];
  const mjmlSlices: RenderPass[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const pass = await renderAll(jobs, 'compiled');
    const mjml = await renderAll(jobs.slice(round * slice, (round + 1) * slice), 'uncompiled');
    passes.push(pass);
    mjmlSlices.push(mjml);
    ratios.push(mjml.perEmailUs / pass.perEmailUs);
  }
  const compiled = median(passes, (pass) => pass.ms);
  const byTime = passes.map((pass) => pass.perEmailUs).sort((a, b) => a - b);
  const uncompiledMs = mjmlSlices.reduce((sum, pass) => sum + pass.ms, 0);
  const uncompiledEmails = mjmlSlices.reduce((sum, pass) => sum + pass.emails, 0);
  return {
    combinations,
    precompileMs,
    compiled,
    compiledRangeUs: [byTime[0] ?? 0, byTime.at(-1) ?? 0],
    uncompiled: {
      emails: uncompiledEmails,
      ms: uncompiledMs,
      perEmailUs: (uncompiledMs * 1000) / uncompiledEmails,
      bytes: mjmlSlices.reduce((sum, pass) => sum + pass.bytes, 0),
    },
    speedUp: median(ratios, (ratio) => ratio),
    speedUpRange: [Math.min(...ratios), Math.max(...ratios)],
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function median<T>(values: readonly T[], key: (value: T) => number): T {
  const sorted = [...values].sort((a, b) => key(a) - key(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('nothing to take the median of');
  return middle;
}
