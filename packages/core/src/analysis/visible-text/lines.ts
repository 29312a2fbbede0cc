/**
 * Line-level facts the stripper asks about again and again. Everything here looks at one
 * line with bounded work, so a 1 MB line costs the same as a short one.
 */

/**
 * Private-use characters the HTML converter puts on a line of their own to mark structure a
 * reader sees but plain text loses: "everything below is the quoted message" (Outlook's
 * reply container) and a horizontal rule. Real text never carries them: `prepareText`
 * removes them from input before the converter's marks are added.
 */
export const CUT_MARK = '\uE000';
export const RULE_MARK = '\uE001';

/** Lines longer than this are never quote headers, separators or sign-offs: prose or data. */
export const MAX_STRUCTURAL_LINE = 1000;

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * How many `>` markers start the line ("> > x", ">>x" and " > x" all count). A run that
 * mirrors itself at the end (">>> link <<<") is decoration, not quoting.
 */
export function quoteDepth(line: string): number {
  let depth = 0;
  let i = 0;
  const limit = Math.min(line.length, 200);
  while (i < limit) {
    const ch = line[i];
    if (ch === '>') depth += 1;
    else if (ch !== ' ' && ch !== '\t') break;
    i += 1;
  }
  if (depth > 0 && line.trimEnd().endsWith('<<')) return 0;
  return depth;
}

/** A line made only of rule characters: "-----", "_____", "=====", "—————", "* * *". */
export function isRuleLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed.length > MAX_STRUCTURAL_LINE) return false;
  return /^[-_=*~—–\s]+$/.test(trimmed) && /[-_=*~—–].*[-_=*~—–]/.test(trimmed);
}

/** The classic signature delimiter "-- " (and its often mangled "--"). */
export function isSignatureDelimiter(line: string): boolean {
  return /^--[ \t]*$/.test(line);
}

/** Underscores alone on a line: Outlook's reply separator or a mailing list's footer rule. */
export function isUnderscoreRule(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= 2 && trimmed.length <= MAX_STRUCTURAL_LINE && /^_+$/.test(trimmed);
}

export function hasDigit(text: string): boolean {
  return /\d/.test(text);
}
