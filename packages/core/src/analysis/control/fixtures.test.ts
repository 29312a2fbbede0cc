import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectAbuse } from './detect-abuse';
import { detectControlSignals } from './detect-signals';
import type { AbuseSeverity, ControlSignalKind, Language } from './types';

/**
 * The labelled sentences in test/fixtures/control (our own, EN + HU): precision and recall per
 * kind and language, printed, with floors asserted. `sentences.jsonl` / `abuse.jsonl` are the
 * sets the rules were written against; the `-holdout` files were written afterwards and first
 * measured blind (docs/analysis.md records those numbers), then their clear misses were fixed.
 * Both are scored together here. The floors are the brief's for approval demands and abuse;
 * for the other kinds they leave room for one or two misses, so a change that makes them
 * clearly worse fails.
 */
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const fixtures = path.join(repoRoot, 'test/fixtures/control');

interface SentenceRow {
  text: string;
  lang: Language;
  kind: ControlSignalKind | null;
  note?: string;
}
interface AbuseRow {
  text: string;
  lang: Language;
  severity: AbuseSeverity | null;
  note?: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(fixtures, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  falseAlarms: string[];
}

function tally<R extends { text: string }>(rows: R[], isLabelled: (r: R) => boolean, isDetected: (r: R) => boolean): Tally {
  const t: Tally = { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] };
  for (const row of rows) {
    const labelled = isLabelled(row);
    const detected = isDetected(row);
    if (labelled && detected) t.tp++;
    else if (labelled) {
      t.fn++;
      t.misses.push(row.text);
    } else if (detected) {
      t.fp++;
      t.falseAlarms.push(row.text);
    }
  }
  return t;
}

const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
const describeTally = (t: Tally) =>
  `P=${precision(t).toFixed(2)} R=${recall(t).toFixed(2)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})\n  misses: ${JSON.stringify(t.misses)}\n  false alarms: ${JSON.stringify(t.falseAlarms)}`;

const sentences = [...readJsonl<SentenceRow>('sentences.jsonl'), ...readJsonl<SentenceRow>('sentences-holdout.jsonl')];
const abuse = [...readJsonl<AbuseRow>('abuse.jsonl'), ...readJsonl<AbuseRow>('abuse-holdout.jsonl')];
const detectedKinds = new Map(sentences.map((row) => [row, new Set(detectControlSignals(row.text, row.lang).map((s) => s.kind))]));
const abuseFound = new Map(abuse.map((row) => [row, detectAbuse(row.text, row.lang)]));

const KINDS: ControlSignalKind[] = ['approval_demand', 'revision_request', 'tiny_change', 'distrust', 'urgency_pressure'];
const LANGS: Language[] = ['en', 'hu'];
/** [precision, recall] floors per kind (both languages). */
const FLOORS: Record<ControlSignalKind, [number, number]> = {
  approval_demand: [0.9, 0.85],
  revision_request: [0.85, 0.8],
  tiny_change: [0.85, 0.8],
  distrust: [0.85, 0.8],
  urgency_pressure: [0.85, 0.8],
};

describe('control signal fixtures (test/fixtures/control/sentences.jsonl)', () => {
  it('has at least 150 sentences, both languages, positives of every kind and negatives', () => {
    expect(readJsonl<SentenceRow>('sentences.jsonl').length).toBeGreaterThanOrEqual(150);
    for (const lang of LANGS) {
      for (const kind of [...KINDS, null]) {
        expect(sentences.filter((r) => r.lang === lang && r.kind === kind).length, `${lang} ${kind}`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  for (const kind of KINDS) {
    for (const lang of LANGS) {
      it(`${kind} (${lang}): precision ≥ ${FLOORS[kind][0]}, recall ≥ ${FLOORS[kind][1]}`, () => {
        const rows = sentences.filter((r) => r.lang === lang);
        const t = tally(
          rows,
          (r) => r.kind === kind,
          (r) => detectedKinds.get(r)?.has(kind) === true,
        );
        console.info(`[control fixtures] ${kind} ${lang}: ${describeTally(t)}`);
        expect(precision(t), describeTally(t)).toBeGreaterThanOrEqual(FLOORS[kind][0]);
        expect(recall(t), describeTally(t)).toBeGreaterThanOrEqual(FLOORS[kind][1]);
      });
    }
  }

  it('negatives stay silent for the scored kinds (ordinary feedback, one-off and batched approvals)', () => {
    const scored = new Set<ControlSignalKind>(['approval_demand', 'revision_request', 'tiny_change', 'distrust']);
    const noisy = sentences.filter((r) => r.kind === null && [...(detectedKinds.get(r) ?? [])].some((k) => scored.has(k)));
    const rate = noisy.length / sentences.filter((r) => r.kind === null).length;
    expect(rate, JSON.stringify(noisy.map((r) => [r.text, [...(detectedKinds.get(r) ?? [])]]))).toBeLessThanOrEqual(0.05);
  });
});

describe('abuse fixtures (test/fixtures/control/abuse.jsonl)', () => {
  it('has at least 60 sentences with abuse of every severity and negatives in both languages', () => {
    expect(readJsonl<AbuseRow>('abuse.jsonl').length).toBeGreaterThanOrEqual(60);
    for (const lang of LANGS) {
      for (const severity of ['insult', 'threat', 'profanity', null] as const) {
        expect(abuse.filter((r) => r.lang === lang && r.severity === severity).length, `${lang} ${severity}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  for (const lang of [...LANGS, 'both'] as const) {
    it(`abuse overall (${lang}): precision ≥ 0.9, recall ≥ 0.85`, () => {
      const rows = abuse.filter((r) => lang === 'both' || r.lang === lang);
      const t = tally(
        rows,
        (r) => r.severity !== null,
        (r) => (abuseFound.get(r)?.length ?? 0) > 0,
      );
      console.info(`[abuse fixtures] overall ${lang}: ${describeTally(t)}`);
      expect(precision(t), describeTally(t)).toBeGreaterThanOrEqual(0.9);
      expect(recall(t), describeTally(t)).toBeGreaterThanOrEqual(0.85);
    });
  }

  it('reports the labelled severity for most findings', () => {
    const found = abuse.filter((r) => r.severity !== null && (abuseFound.get(r)?.length ?? 0) > 0);
    const wrong = found.filter((r) => abuseFound.get(r)?.[0]?.severity !== r.severity);
    console.info(
      `[abuse fixtures] severity agreement ${found.length - wrong.length}/${found.length}; differing: ${JSON.stringify(wrong.map((r) => [r.text, abuseFound.get(r)?.[0]?.severity]))}`,
    );
    expect(wrong.length / Math.max(1, found.length), JSON.stringify(wrong.map((r) => r.text))).toBeLessThanOrEqual(0.1);
  });
});
