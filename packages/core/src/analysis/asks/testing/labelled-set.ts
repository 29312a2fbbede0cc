import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AskKind, Language } from '../types';

/** One line of test/fixtures/asks/sentences.jsonl (see its README.md for the guideline). */
export interface LabelledSentence {
  text: string;
  lang: Language;
  ask: boolean;
  kind?: AskKind;
  note?: string;
}

const FIXTURES = new URL('../../../../../../test/fixtures/asks/', import.meta.url);

/**
 * Test helper: reads a labelled file, failing loudly on a malformed line. 'sentences' is the set
 * written before the rules; 'holdout' was written after them and first scored blind.
 */
export function readLabelledSet(name: 'sentences' | 'holdout' = 'sentences'): LabelledSentence[] {
  return readFileSync(fileURLToPath(new URL(`${name}.jsonl`, FIXTURES)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = JSON.parse(line) as LabelledSentence;
      if (typeof parsed.text !== 'string' || (parsed.lang !== 'en' && parsed.lang !== 'hu') || typeof parsed.ask !== 'boolean') {
        throw new Error(`${name}.jsonl line ${index + 1} is malformed: ${line}`);
      }
      return parsed;
    });
}
