import { analyseVisibleText } from './analyse';
import type { VisibleText, VisibleTextInput } from './types';

export type { RemovedPart, VisibleText, VisibleTextInput } from './types';

/**
 * The new text the sender wrote in one message (PRODUCT §3: only the visible new text counts
 * for analysis): quoted history, forwarded messages, signatures, phone footers and legal
 * notices removed. Plain text is read when present; HTML is used when the text is empty and
 * as a second opinion on where the quote starts. Pure and deterministic; never throws.
 */
export function extractVisibleText(input: VisibleTextInput): VisibleText {
  const { text, removed, notes } = analyseVisibleText(input);
  return { text, removed, notes };
}
