import { type RankedVerdict, rankSentence } from './classify';
import { detectLanguage } from './language';
import { splitSentences } from './sentences';
import type { AskDecision, SentenceVerdict } from './types';

/**
 * Visible text longer than this is cut before analysis (and a note says so). Real requests sit in
 * the first screens of a mail; what follows in a body this long is pasted data or a runaway quote.
 */
export const MAX_ANALYSED_CHARS = 100_000;

/** Whether an outbound message asks the client for something, and which sentences do. */
export function detectAsk(visibleText: string, options?: { locale?: string }): AskDecision {
  const notes: string[] = [];
  const text = typeof visibleText === 'string' ? visibleText : '';
  let analysed = text;
  if (text.length > MAX_ANALYSED_CHARS) {
    analysed = text.slice(0, MAX_ANALYSED_CHARS);
    notes.push(`input truncated: analysed the first ${MAX_ANALYSED_CHARS} of ${text.length} characters`);
  }

  const language = detectLanguage(analysed, options?.locale);
  const sentences = splitSentences(analysed);
  if (sentences.length === 0) notes.push('no sentences in the visible text');

  const ranked: RankedVerdict[] = [];
  for (const sentence of sentences) {
    const verdict = rankSentence(sentence, language);
    if (verdict !== undefined) ranked.push(verdict);
  }

  const asks: SentenceVerdict[] = ranked.map((r) => r.verdict);
  const strongest = ranked.reduce<RankedVerdict | undefined>(
    (best, candidate) => (best === undefined || candidate.strength > best.strength ? candidate : best),
    undefined,
  );
  if (strongest !== undefined) {
    notes.push(`${asks.length} of ${sentences.length} sentences ask; decided by ${strongest.verdict.rule}`);
    return { isAsk: true, language, verdict: strongest.verdict, asks, notes };
  }
  return { isAsk: false, language, asks, notes };
}
