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
  /** The median of COMPILED_PASSES passes over the same emails (a single pass moves by ±30 % with this machine's load). */
  compiled: RenderPass;
  /** Per-email time of the fastest and slowest compiled pass. */
  compiledRangeUs: [number, number];
  uncompiled: RenderPass;
  speedUp: number;
}

/** Compiled passes over the same emails; the median is reported. The MJML pass takes seconds and needs no repeat. */
const COMPILED_PASSES = 5;
/** Passes over the emails before measuring: by the third, each kind's generated fill functions are optimised. */
const WARM_UP_PASSES = 3;

export async function measureRendering(emails: number, uncompiledSample: number): Promise<RenderResult> {
  const started = performance.now();
  await precompileTemplates();
  const precompileMs = performance.now() - started;

  const jobs = emailJobs(emails);
  const combinations = EMAIL_KINDS.length * EMAIL_LOCALES.length;
  // Both paths are measured warm, as in a long-running worker. The compiled one first, after
  // three passes over the emails: its per-email work is small enough that JIT
  // warm-up dominates until each kind's generated fill functions are optimised, and a worker
  // renders from the same few dozen for weeks. MJML comes after, as in production, where it only runs at start-up and
  // when an operator saves an override; its own warm-up is two emails of every kind × locale.
  for (let pass = 0; pass < WARM_UP_PASSES; pass += 1) await renderAll(jobs, 'compiled');
  const passes: RenderPass[] = [];
  for (let pass = 0; pass < COMPILED_PASSES; pass += 1) passes.push(await renderAll(jobs, 'compiled'));
  passes.sort((a, b) => a.ms - b.ms);
  const compiled = passes[Math.floor(passes.length / 2)] ?? passes[0];
  if (!compiled) throw new Error('no compiled pass ran');
  const compiledRangeUs: [number, number] = [passes[0]?.perEmailUs ?? 0, passes.at(-1)?.perEmailUs ?? 0];
  await renderAll(jobs.slice(0, 2 * combinations), 'uncompiled');
  const uncompiled = await renderAll(jobs.slice(0, uncompiledSample), 'uncompiled');
  return { combinations, precompileMs, compiled, compiledRangeUs, uncompiled, speedUp: uncompiled.perEmailUs / compiled.perEmailUs };
}
