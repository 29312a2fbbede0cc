import { EN_ABUSE_RULES } from './abuse-rules-en';
import { HU_ABUSE_RULES } from './abuse-rules-hu';
import { foldForMatching } from './fold';
import { type PhraseRule, ruleMatches } from './rule';
import { splitSentences } from './sentences';
import type { AbuseFinding, AbuseSeverity, Language } from './types';

const RULES: Record<Language, readonly PhraseRule<AbuseSeverity>[]> = { en: EN_ABUSE_RULES, hu: HU_ABUSE_RULES };
/** One finding per sentence, the most serious: a threat outweighs an insult, an insult a curse. */
const SEVERITY_RANK: Record<AbuseSeverity, number> = { threat: 3, insult: 2, profanity: 1 };

export interface AbuseResult {
  findings: AbuseFinding[];
  /** True when the text was longer than the detector reads (see sentences.ts). */
  truncated: boolean;
}

export function detectAbuse(visibleText: string, language: Language): AbuseFinding[] {
  return detectAbuseWithLimits(visibleText, language).findings;
}

export function detectAbuseWithLimits(visibleText: string, language: Language): AbuseResult {
  const rules = RULES[language] ?? RULES.en;
  const { sentences, truncated } = splitSentences(visibleText);
  const findings: AbuseFinding[] = [];
  for (const sentence of sentences) {
    const folded = maskQuotedWords(foldForMatching(sentence));
    let best: PhraseRule<AbuseSeverity> | undefined;
    for (const rule of rules) {
      if ((best === undefined || SEVERITY_RANK[rule.label] > SEVERITY_RANK[best.label]) && ruleMatches(rule, folded)) best = rule;
    }
    if (best) findings.push({ sentence, rule: best.id, severity: best.label });
  }
  return { findings, truncated };
}

/**
 * Words in quotation marks are mentioned, not used: 'the script says "you idiot", please cut
 * it' insults nobody. Quoted spans (up to 120 characters) become a neutral placeholder.
 * Straight single quotes count only around a phrase, never inside a word ("don't").
 */
export function maskQuotedWords(folded: string): string {
  return folded.replace(/"[^"]{0,120}"/g, ' "q" ').replace(/(^|[\s(])'[^']{1,120}'(?=[\s.,!?:;)]|$)/g, '$1 "q" ');
}
