import type { AskKind, Language } from './types';

/**
 * The shape of one language's rules. All patterns run on folded text (lower case, no accents,
 * straight apostrophes, single spaces; URLs, e-mail addresses and quoted speech masked), one
 * sentence of at most about a thousand characters at a time. Gaps are bounded ({0,60}) and no
 * quantifier is nested over free text, so matching stays linear in practice.
 */
export interface AskRule {
  /** Stable id, `<language>.<family>.<name>`; stored with every verdict, so never renamed lightly. */
  id: string;
  pattern: RegExp;
  /** When absent, the kind is read from the sentence's words (see `kinds`). */
  kind?: AskKind;
  /** 3: an explicit request; 2: a question or an indirect request; 1: a question without a mark. */
  strength: 1 | 2 | 3;
}

export interface NamedPattern {
  id: string;
  pattern: RegExp;
}

export interface RuleSet {
  language: Language;
  /**
   * Phrases that sound like requests but ask nothing: polite closings, "please find attached",
   * apologies, thanks, offers. They are cut out before the ask rules run, so the rest of the
   * sentence can still ask ("Thanks for the photos, could you send the logo too?"). Global flag.
   */
  neutralisers: RegExp[];
  /** Sentences that ask nothing whatever words they contain: reported speech, waiting for a third party. */
  vetoes: NamedPattern[];
  /** A question mark here asks nothing (small talk, rhetorical questions); explicit requests still count. */
  questionVetoes: NamedPattern[];
  asks: AskRule[];
  /** How a direct question starts; decides questions typed without '?' and "???" used as emphasis. */
  questionStart: RegExp;
  /** Discourse openers skipped before start-anchored rules: "Hi Anna, so, could you…". */
  leadIn: RegExp;
  /** First match decides the kind of an ask whose rule does not fix it; otherwise 'question'. */
  kinds: Array<[AskKind, RegExp]>;
}
