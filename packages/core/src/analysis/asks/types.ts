export type Language = 'en' | 'hu';

export type AskKind = 'question' | 'approval' | 'feedback' | 'material' | 'decision';

export interface SentenceVerdict {
  /** The sentence as it appears in the text (trimmed). */
  sentence: string;
  kind: AskKind;
  /** Stable id of the rule that decided, e.g. 'en.request.could-you', 'hu.approval.jovahagy'. */
  rule: string;
}

export interface AskDecision {
  isAsk: boolean;
  language: Language;
  /** The deciding sentence (the strongest ask; first one on ties), when isAsk. */
  verdict?: SentenceVerdict;
  /** Every sentence judged an ask, in text order. */
  asks: SentenceVerdict[];
  notes: string[];
}
