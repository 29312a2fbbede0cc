import { foldForMatching } from './fold';
import { type PhraseRule, ruleMatches } from './rule';
import { splitSentences } from './sentences';
import { EN_SIGNAL_RULES } from './signal-rules-en';
import { HU_SIGNAL_RULES } from './signal-rules-hu';
import type { ControlSignal, ControlSignalKind, Language } from './types';

const RULES: Record<Language, readonly PhraseRule<ControlSignalKind>[]> = { en: EN_SIGNAL_RULES, hu: HU_SIGNAL_RULES };

export interface ControlSignalsResult {
  signals: ControlSignal[];
  /** True when the text was longer than the detectors read (see sentences.ts); the rest was not looked at. */
  truncated: boolean;
}

/** Sentence-level signals in one inbound message's visible text. */
export function detectControlSignals(visibleText: string, language: Language): ControlSignal[] {
  return detectControlSignalsWithLimits(visibleText, language).signals;
}

/**
 * The same, also saying whether the text was cut. At most one signal per kind per sentence
 * (the first matching rule names it). A tiny change is a revision too, but it is reported
 * once, as `tiny_change`, so the score does not count the same sentence twice.
 */
export function detectControlSignalsWithLimits(visibleText: string, language: Language): ControlSignalsResult {
  const rules = RULES[language] ?? RULES.en;
  const { sentences, truncated } = splitSentences(visibleText);
  const signals: ControlSignal[] = [];
  for (const sentence of sentences) {
    const folded = foldForMatching(sentence);
    if (folded === '') continue;
    const found = new Map<ControlSignalKind, string>();
    for (const rule of rules) {
      if (!found.has(rule.label) && ruleMatches(rule, folded)) found.set(rule.label, rule.id);
    }
    if (found.has('tiny_change')) found.delete('revision_request');
    for (const [kind, rule] of found) signals.push({ kind, sentence, rule });
  }
  return { signals, truncated };
}
