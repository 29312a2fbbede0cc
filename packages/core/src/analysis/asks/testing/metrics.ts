/** Binary classification scores, for the evaluation tests. */
export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(pairs: ReadonlyArray<{ expected: boolean; actual: boolean }>): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { expected, actual } of pairs) {
    if (actual && expected) tp++;
    else if (actual) fp++;
    else if (expected) fn++;
    else tn++;
  }
  // With no predicted positives nothing can be wrong: precision 1, and recall shows the misses.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn, precision, recall, f1 };
}

export function formatScores(label: string, s: Scores): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${label}: precision ${pct(s.precision)}, recall ${pct(s.recall)}, F1 ${pct(s.f1)} (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives}, TN ${s.trueNegatives})`;
}
