import { fold, maskForeignText, nfc } from './fold';
import type { AskRule, RuleSet } from './rule-set';
import { englishRules } from './rules-en';
import { hungarianRules } from './rules-hu';
import type { AskKind, Language, SentenceVerdict } from './types';

const RULES: Record<Language, RuleSet> = { en: englishRules, hu: hungarianRules };

/**
 * Rules read at most this much of one sentence: its head (where requests start) and its tail
 * (where the question mark is). A "sentence" of megabytes is not prose, and reading all of it
 * would make the regular expressions' bounded gaps cost more than the text is worth.
 */
const HEAD_CHARS = 600;
const TAIL_CHARS = 400;

const LETTER = /\p{L}/u;
const LEAD_IN_ROUNDS = 3;

/** A sentence judged an ask, with how strongly (see AskRule.strength). */
export interface RankedVerdict {
  verdict: SentenceVerdict;
  strength: number;
}

export function classifySentence(sentence: string, language: Language): SentenceVerdict | undefined {
  return rankSentence(sentence, language)?.verdict;
}

export function rankSentence(sentence: string, language: Language): RankedVerdict | undefined {
  const rules = RULES[language] ?? RULES.en;
  const trimmed = sentence.trim();
  const masked = maskForeignText(nfc(excerpt(trimmed)));
  const ending = questionEnding(masked);

  let text = fold(masked);
  for (const neutraliser of rules.neutralisers) text = text.replace(neutraliser, ' ');
  text = text.replace(/ {2,}/g, ' ').trim();
  if (!LETTER.test(text)) return undefined;
  if (rules.vetoes.some((veto) => veto.pattern.test(text))) return undefined;

  const core = withoutLeadIn(text, rules.leadIn);
  const rule = strongestRule(rules.asks, core);
  if (rule !== undefined) return verdict(trimmed, rule.id, rule.kind ?? kindOf(core, rules), rule.strength);

  const looksLikeQuestion = rules.questionStart.test(core);
  if (rules.questionVetoes.some((veto) => veto.pattern.test(core))) return undefined;
  if (ending === 'question' || (ending === 'emphasis' && looksLikeQuestion)) {
    return verdict(trimmed, `${language}.question.question-mark`, kindOf(core, rules), 2);
  }
  // "do you have the logo in a vector format" — people who drop the '?' drop all punctuation.
  if (ending === 'none' && looksLikeQuestion) {
    return verdict(trimmed, `${language}.question.no-mark`, kindOf(core, rules), 1);
  }
  return undefined;
}

function excerpt(sentence: string): string {
  if (sentence.length <= HEAD_CHARS + TAIL_CHARS) return sentence;
  return `${sentence.slice(0, HEAD_CHARS)} … ${sentence.slice(-TAIL_CHARS)}`;
}

type Ending = 'question' | 'emphasis' | 'statement' | 'none';

/**
 * How the sentence ends, ignoring trailing emoji, quotes and brackets: one '?' asks; '??' and
 * '?!' are as often astonishment ("2,000 likes in one day???") as a question.
 */
function questionEnding(text: string): Ending {
  let end = text.length;
  while (end > 0 && isTrailingDecoration(text.charAt(end - 1))) end--;
  let start = end;
  while (start > 0 && '.!?…'.includes(text.charAt(start - 1))) start--;
  const run = text.slice(start, end);
  if (run === '') return 'none';
  const marks = run.split('?').length - 1;
  if (marks === 0) return 'statement';
  return marks === 1 && !run.includes('!') ? 'question' : 'emphasis';
}

/** Anything after the last word that is not sentence punctuation: spaces, emoji, quotes, ')'. */
function isTrailingDecoration(c: string): boolean {
  return !/[\p{L}\p{N}.!?…]/u.test(c);
}

function withoutLeadIn(text: string, leadIn: RegExp): string {
  let core = text;
  for (let round = 0; round < LEAD_IN_ROUNDS; round++) {
    const stripped = core.replace(leadIn, '');
    if (stripped === core || !LETTER.test(stripped)) break;
    core = stripped;
  }
  return core;
}

/** The first rule of the highest strength that matches. */
function strongestRule(rules: AskRule[], text: string): AskRule | undefined {
  let best: AskRule | undefined;
  for (const rule of rules) {
    if ((best === undefined || rule.strength > best.strength) && rule.pattern.test(text)) best = rule;
  }
  return best;
}

function kindOf(text: string, rules: RuleSet): AskKind {
  for (const [kind, pattern] of rules.kinds) if (pattern.test(text)) return kind;
  return 'question';
}

function verdict(sentence: string, rule: string, kind: AskKind, strength: number): RankedVerdict {
  return { verdict: { sentence, kind, rule }, strength };
}
