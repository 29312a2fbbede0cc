import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectAsk } from './index';
import { formatScores, score } from './testing/metrics';

/**
 * Agreement with ParakweetLabs' sentence-level "intent" labels (../shared/corpora). Reported, not
 * asserted: their "Yes" is broader than our ask (it includes our own plans, invitations and
 * suggestions) and many direct questions are labelled "No" (spot-checked, see docs/analysis.md).
 */
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const corporaDir = path.resolve(process.env.FIRMLY_CORPORA_DIR ?? path.join(repoRoot, '../shared/corpora'));
const folder = path.join(corporaDir, 'parakweet-email-intent');
const exists = existsSync(folder);

const FILES = ['Ask0729-fixed.txt', 'testSet-qualifiedBatch-fixed.txt'];

const title = exists
  ? 'agreement with parakweet-email-intent'
  : `agreement with parakweet-email-intent (skipped: corpora not found at ${folder})`;

describe.skipIf(!exists)(title, () => {
  it('reads every labelled line and reports agreement per file', () => {
    let lines = 0;
    for (const file of FILES) {
      const pairs: Array<{ expected: boolean; actual: boolean }> = [];
      for (const line of readFileSync(path.join(folder, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const tab = line.indexOf('\t');
        const label = line.slice(0, tab);
        expect(['Yes', 'No'], line).toContain(label);
        pairs.push({ expected: label === 'Yes', actual: detectAsk(line.slice(tab + 1), { locale: 'en' }).isAsk });
      }
      lines += pairs.length;
      const s = score(pairs);
      const agreement = (s.truePositives + s.trueNegatives) / pairs.length;
      console.log(`${formatScores(`parakweet ${file} (${pairs.length})`, s)}; agreement ${(agreement * 100).toFixed(1)}%`);
    }
    // The corpus README states 3,657 + 992 labelled lines.
    expect(lines).toBe(4649);
  });
});
