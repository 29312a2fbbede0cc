import { describe, expect, it } from 'vitest';
import { detectAsk, detectLanguage } from './index';
import { type LabelledSentence, readLabelledSet } from './testing/labelled-set';
import { formatScores, score } from './testing/metrics';

/**
 * The labelled set (test/fixtures/asks, written before the rules) classified sentence by
 * sentence, each as a one-sentence message with the client's locale as production passes it.
 */
const labelled = readLabelledSet('sentences');
const holdout = readLabelledSet('holdout');

interface Outcome {
  item: LabelledSentence;
  actual: boolean;
  rule: string | undefined;
  kind: string | undefined;
}

function classifyAll(items: LabelledSentence[]): Outcome[] {
  return items.map((item) => {
    const decision = detectAsk(item.text, { locale: item.lang === 'hu' ? 'hu-HU' : 'en-GB' });
    return { item, actual: decision.isAsk, rule: decision.verdict?.rule, kind: decision.verdict?.kind };
  });
}

const outcomes = classifyAll(labelled);

function scoresOf(subset: Outcome[]) {
  return score(subset.map((o) => ({ expected: o.item.ask, actual: o.actual })));
}

function mistakes(subset: Outcome[]): string {
  const wrong = subset.filter((o) => o.actual !== o.item.ask);
  return wrong
    .map((o) => `${o.item.ask ? 'FN' : `FP (${o.rule})`} [${o.item.lang}] ${o.item.text}${o.item.note ? `  — ${o.item.note}` : ''}`)
    .join('\n');
}

describe('ask detection on the labelled set', () => {
  it('has the size and balance the guideline asks for', () => {
    const asks = labelled.filter((l) => l.ask).length;
    expect(labelled.length).toBeGreaterThanOrEqual(300);
    expect(asks / labelled.length).toBeGreaterThan(0.3);
    expect(asks / labelled.length).toBeLessThan(0.5);
    expect(labelled.filter((l) => l.lang === 'hu').length).toBeGreaterThan(labelled.length * 0.4);
    expect(labelled.filter((l) => l.ask && l.kind === undefined)).toEqual([]);
    expect(new Set(labelled.map((l) => l.text)).size).toBe(labelled.length);
  });

  for (const [label, subset] of [
    ['overall', outcomes],
    ['en', outcomes.filter((o) => o.item.lang === 'en')],
    ['hu', outcomes.filter((o) => o.item.lang === 'hu')],
  ] as const) {
    it(`reaches F1 ≥ 0.9 and precision ≥ 0.95 (${label})`, () => {
      const s = scoresOf(subset);
      console.log(formatScores(`asks ${label} (${subset.length} sentences)`, s));
      const failure = `${formatScores(label, s)}\n${mistakes(subset)}`;
      expect(s.f1, failure).toBeGreaterThanOrEqual(0.9);
      expect(s.precision, failure).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('reports how often the kind matches the label (measured, not asserted beyond a floor)', () => {
    const hits = outcomes.filter((o) => o.item.ask && o.actual);
    const same = hits.filter((o) => o.kind === o.item.kind).length;
    const share = same / hits.length;
    console.log(`asks kind agreement: ${same}/${hits.length} (${(share * 100).toFixed(1)}%)`);
    expect(share).toBeGreaterThan(0.6);
  });

  it('detects the language of the labelled sentences without a locale hint', () => {
    const right = labelled.filter((l) => detectLanguage(l.text) === l.lang).length;
    const share = right / labelled.length;
    console.log(`asks language detection without hint: ${right}/${labelled.length} (${(share * 100).toFixed(1)}%)`);
    expect(share).toBeGreaterThan(0.9);
  });

  it('holds up on the hold-out sentences (regression floor; blind scores are in docs/analysis.md)', () => {
    const held = classifyAll(holdout);
    const s = scoresOf(held);
    console.log(formatScores(`asks holdout (${held.length} sentences)`, s));
    const failure = `${formatScores('holdout', s)}\n${mistakes(held)}`;
    expect(held.length).toBeGreaterThanOrEqual(100);
    expect(s.f1, failure).toBeGreaterThanOrEqual(0.85);
    expect(s.precision, failure).toBeGreaterThanOrEqual(0.9);
  });
});
