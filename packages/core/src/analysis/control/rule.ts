/**
 * A phrase rule: a handful of patterns that must all match one folded sentence (see fold.ts),
 * and an optional pattern that vetoes it (negation, thanks, the client promising something
 * themselves). Patterns are written so their cost is linear in the sentence: bounded gaps
 * (`.{0,30}`) instead of nested open-ended quantifiers, and sentences are capped in length.
 */
export interface PhraseRule<Label extends string> {
  /** Stable id stored with the evidence: `<lang>.<family>.<name>`. */
  id: string;
  label: Label;
  all: readonly RegExp[];
  unless?: RegExp;
}

export function ruleMatches(rule: PhraseRule<string>, folded: string): boolean {
  for (const pattern of rule.all) {
    if (!pattern.test(folded)) return false;
  }
  return !rule.unless?.test(folded);
}

/** `(?:a|b|c)` from alternatives, so long word lists stay readable in the rule files. */
export function anyOf(...alternatives: string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** A case-less pattern over folded text (already lower-case). Never global: `test` must not keep state. */
export function re(source: string): RegExp {
  return new RegExp(source);
}
