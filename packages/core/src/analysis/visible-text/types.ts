export interface VisibleTextInput {
  /** text/plain body (full, quotes included), when the message has one. */
  text?: string | null;
  /** text/html body, when the message has one. Used when text is empty, and for structure cues. */
  html?: string | null;
}

export type RemovedPart = 'quote' | 'forward_header' | 'signature' | 'disclaimer' | 'mobile_footer';

export interface VisibleText {
  /** The new text the sender wrote: quoted history, signatures, disclaimers removed; trimmed; '' when nothing is left. */
  text: string;
  /** What was removed, in the order found (deduplicated). */
  removed: RemovedPart[];
  /** Why something was not analysed fully, e.g. 'input truncated at 1000000 characters'. */
  notes: string[];
}
