import { attributionAt, canEndAttribution } from './attribution';
import { isDisclaimer } from './disclaimer';
import { type HeaderField, headerFieldOf, isHeaderBlockAt } from './header-fields';
import {
  CUT_MARK,
  hasDigit,
  isBlank,
  isRuleLine,
  isSignatureDelimiter,
  isUnderscoreRule,
  MAX_STRUCTURAL_LINE,
  quoteDepth,
  RULE_MARK,
} from './lines';
import { isMobileFooter } from './mobile-footer';
import { isForwardSeparator, isOriginalMessageSeparator } from './separators';
import { isNameLike, trailingSignOffStart } from './sign-off';
import type { RemovedPart } from './types';

/** One removed stretch of the message, in message order. */
export interface RemovedSpan {
  kind: RemovedPart;
  /** Index of its first line. */
  line: number;
  text: string;
}

export interface Segmentation {
  /** The visible text: kept lines joined, trimmed. */
  visible: string;
  removed: RemovedSpan[];
}

/** A signature block longer than this (in non-blank lines) is content, not a signature. */
const MAX_SIGNATURE_LINES = 15;
/** A legal notice longer than this is not a footer any more. */
const MAX_DISCLAIMER_LINES = 60;
/** Unquoted lines inside a quote that are only the quote's own wrapped lines. */
const MAX_WRAPPED_LINES = 3;

/**
 * Walks the lines of a plain-text body (or the text the HTML converter made) once, top to
 * bottom, deciding for each stretch whether the sender wrote it for this message.
 *
 * Two kinds of removal: a *hard* cut where the quoted history begins without `>` markers
 * (a header block, an "Original Message" rule, an attribution followed by unmarked text, a
 * forward, a phone footer) removes everything below; a *soft* removal takes out a `>` quoted
 * block (with its attribution) and carries on, so answers written between quotes stay
 * visible. Signatures and legal notices are removed up to the next structure or the end;
 * closings and contact blocks are judged last, on the tail of what is left.
 */
export function segment(text: string): Segmentation {
  const walker = new Walker(text.split('\n'));
  walker.walk();
  return walker.result();
}

class Walker {
  private readonly kept: boolean[];
  private readonly kinds: (RemovedPart | undefined)[];
  private readonly replaced = new Map<number, string>();
  private readonly extraSpans: RemovedSpan[] = [];
  /** Per line: 0 not yet known, 1 structure, 2 not structure. */
  private readonly structureMemo: Uint8Array;
  /** Per-line facts the window checks ask about up to a dozen times each (undefined: not yet known). */
  private readonly fieldMemo: (HeaderField | null | undefined)[];
  /** Per line: 0 not yet known, 1 can end an attribution, 2 cannot. */
  private readonly endMemo: Uint8Array;
  private readonly fieldAt = (index: number): HeaderField | undefined => {
    let known = this.fieldMemo[index];
    if (known === undefined) {
      known = headerFieldOf(this.lines[index] ?? '') ?? null;
      this.fieldMemo[index] = known;
    }
    return known ?? undefined;
  };
  private readonly canEnd = (index: number): boolean => {
    if (this.endMemo[index] === 0) this.endMemo[index] = canEndAttribution(this.lines[index] ?? '') ? 1 : 2;
    return this.endMemo[index] === 1;
  };

  constructor(private readonly lines: readonly string[]) {
    this.kept = lines.map(() => true);
    this.kinds = lines.map(() => undefined);
    this.structureMemo = new Uint8Array(lines.length);
    this.fieldMemo = new Array<HeaderField | null | undefined>(lines.length);
    this.endMemo = new Uint8Array(lines.length);
  }

  walk(): void {
    const { lines } = this;
    let i = 0;
    while (i < lines.length) {
      const next = this.step(i);
      if (next === undefined) return;
      i = next;
    }
  }

  /** Handles the stretch starting at line `i`; returns where to continue, or undefined after a hard cut. */
  private step(i: number): number | undefined {
    const line = this.lines[i] ?? '';
    if (isBlank(line)) return i + 1;
    if (line === CUT_MARK) return this.hardCut(i, 'quote');
    if (line === RULE_MARK) {
      if (this.headerFieldWithin(i + 1)) return this.hardCut(i, 'quote');
      this.kept[i] = false;
      return i + 1;
    }
    if (quoteDepth(line) > 0) return this.removeQuotedBlock(i);
    if (line.length > MAX_STRUCTURAL_LINE) return i + 1;
    if (isForwardSeparator(line)) return this.hardCut(i, 'forward_header');
    if (isOriginalMessageSeparator(line) || isHeaderBlockAt(this.lines, i, this.fieldAt)) return this.hardCut(i, 'quote');
    const attribution = attributionAt(this.lines, i, this.canEnd);
    if (attribution !== undefined) return this.removeAttribution(i, attribution.lines, attribution.keptPrefix);
    if (isMobileFooter(line)) return this.cutAtFooter(i);
    if (isSignatureDelimiter(line) || isUnderscoreRule(line)) return this.removeSignature(i);
    if (this.startsParagraph(i) && isDisclaimer(this.paragraphAt(i)))
      return this.removeUntilStructure(i, 'disclaimer', MAX_DISCLAIMER_LINES);
    return i + 1;
  }

  /** Removes `[start, end)` as `kind`. */
  private remove(start: number, end: number, kind: RemovedPart): void {
    for (let i = start; i < end && i < this.lines.length; i += 1) {
      this.kept[i] = false;
      this.kinds[i] = kind;
    }
  }

  /** Everything from `start` on is history; the rules and blank lines just above it go too. */
  private hardCut(start: number, kind: RemovedPart): undefined {
    let from = start;
    while (from > 0 && this.kept[from - 1] === true) {
      const above = this.lines[from - 1] ?? '';
      if (!(isBlank(above) || isRuleLine(above))) break;
      from -= 1;
    }
    this.remove(from, this.lines.length, kind);
    return undefined;
  }

  private removeQuotedBlock(start: number): number {
    const { lines } = this;
    let lastQuoted = start;
    let j = start;
    while (j < lines.length) {
      const line = lines[j] ?? '';
      if (quoteDepth(line) > 0) {
        lastQuoted = j;
        j += 1;
        continue;
      }
      if (isBlank(line)) {
        const k = this.nextNonBlank(j);
        if (k !== undefined && quoteDepth(lines[k] ?? '') > 0) {
          j = k;
          continue;
        }
        break;
      }
      // A clipped line of the quote itself ("> … d\nignissim odio?\n>"): unquoted lines
      // squeezed between quoted ones with no blank line are the quote's own wrapping.
      if (lastQuoted === j - 1) {
        let k = j;
        while (k < lines.length && k - j < MAX_WRAPPED_LINES && !isBlank(lines[k] ?? '') && quoteDepth(lines[k] ?? '') === 0) k += 1;
        if (k < lines.length && quoteDepth(lines[k] ?? '') > 0) {
          j = k;
          continue;
        }
      }
      break;
    }
    let end = lastQuoted + 1;
    // The blank lines after a quote belong to it: the reply around it keeps its own spacing.
    while (end < lines.length && isBlank(lines[end] ?? '')) end += 1;
    this.remove(start, end, 'quote');
    return end;
  }

  private removeAttribution(start: number, span: number, keptPrefix: string | undefined): number | undefined {
    const after = start + span;
    if (keptPrefix !== undefined) {
      const line = this.lines[start] ?? '';
      this.replaced.set(start, keptPrefix);
      this.extraSpans.push({ kind: 'quote', line: start, text: line.slice(keptPrefix.length).trim() });
    } else {
      this.remove(start, after, 'quote');
    }
    const next = this.nextNonBlank(after);
    if (next === undefined) return undefined;
    if (quoteDepth(this.lines[next] ?? '') > 0) {
      this.remove(after, next, 'quote');
      return next;
    }
    // The quoted message follows without markers: all of it is history.
    if (keptPrefix !== undefined) this.remove(after, this.lines.length, 'quote');
    else this.hardCut(start, 'quote');
    return undefined;
  }

  /** A phone/app footer ends what the sender typed; a name line right above it is part of it. */
  private cutAtFooter(start: number): undefined {
    let from = start;
    const above = this.lines[start - 1];
    if (above !== undefined && this.kept[start - 1] === true && isNameLike(above) && /\s/u.test(above.trim())) {
      if (this.hasKeptContentBefore(start - 1)) from = start - 1;
    }
    this.remove(from, start + 1, 'mobile_footer');
    const rest = this.nextNonBlank(start + 1);
    if (rest !== undefined) this.hardCut(rest, 'quote');
    return undefined;
  }

  private removeSignature(start: number): number {
    // A rule right above a header block is the block's separator: the hard cut takes it.
    if (this.structureWithin(start + 1, 1)) return start + 1;
    const end = this.structureOrEnd(start + 1, MAX_SIGNATURE_LINES);
    if (end === undefined) return start + 1;
    this.remove(start, end, 'signature');
    // "-- \nJohn\nSent from my iPhone": the phone footer is still reported as one.
    for (let i = start + 1; i < end; i += 1) if (isMobileFooter(this.lines[i] ?? '')) this.kinds[i] = 'mobile_footer';
    return end;
  }

  private removeUntilStructure(start: number, kind: RemovedPart, maxLines: number): number {
    const end = this.structureOrEnd(start + 1, maxLines);
    if (end === undefined) return start + 1;
    this.remove(start, end, kind);
    return end;
  }

  /** Whether line `i` begins quoted history of any kind; memoised, as signature and notice scans ask about the same lines. */
  private isStructure(i: number): boolean {
    const known = this.structureMemo[i];
    if (known !== 0 && known !== undefined) return known === 1;
    const structure = this.computeStructure(i);
    this.structureMemo[i] = structure ? 1 : 2;
    return structure;
  }

  private computeStructure(i: number): boolean {
    const line = this.lines[i] ?? '';
    if (line === CUT_MARK || line === RULE_MARK || quoteDepth(line) > 0) return true;
    if (line.length > MAX_STRUCTURAL_LINE) return false;
    if (isForwardSeparator(line) || isOriginalMessageSeparator(line) || isHeaderBlockAt(this.lines, i, this.fieldAt)) return true;
    return (hasDigit(line) || line.includes('@')) && attributionAt(this.lines, i, this.canEnd) !== undefined;
  }

  /** The first structure after `from` within `maxNonBlank` non-blank lines, the end if none; undefined if too long. */
  private structureOrEnd(from: number, maxNonBlank: number): number | undefined {
    let count = 0;
    for (let i = from; i < this.lines.length; i += 1) {
      const line = this.lines[i] ?? '';
      if (isBlank(line)) continue;
      if (this.isStructure(i)) return i;
      count += 1;
      if (count > maxNonBlank) return undefined;
    }
    return this.lines.length;
  }

  private structureWithin(from: number, maxNonBlank: number): boolean {
    let count = 0;
    for (let i = from; i < this.lines.length && count < maxNonBlank; i += 1) {
      if (isBlank(this.lines[i] ?? '')) continue;
      if (this.isStructure(i)) return true;
      count += 1;
    }
    return false;
  }

  private headerFieldWithin(from: number): boolean {
    let count = 0;
    for (let i = from; i < this.lines.length && count < 3; i += 1) {
      const line = this.lines[i] ?? '';
      if (isBlank(line)) continue;
      if (this.fieldAt(i) !== undefined) return true;
      count += 1;
    }
    return false;
  }

  private nextNonBlank(from: number): number | undefined {
    for (let i = from; i < this.lines.length; i += 1) if (!isBlank(this.lines[i] ?? '')) return i;
    return undefined;
  }

  private hasKeptContentBefore(index: number): boolean {
    for (let i = index - 1; i >= 0; i -= 1) if (this.kept[i] === true && !isBlank(this.lines[i] ?? '')) return true;
    return false;
  }

  private startsParagraph(i: number): boolean {
    return i === 0 || isBlank(this.lines[i - 1] ?? '') || isRuleLine(this.lines[i - 1] ?? '');
  }

  /** The paragraph starting at `i`, at most 12 lines / 800 characters (enough to recognise a notice). */
  private paragraphAt(i: number): string {
    const parts: string[] = [];
    let length = 0;
    for (let j = i; j < this.lines.length && j < i + 12 && length < 800; j += 1) {
      const line = this.lines[j] ?? '';
      if (isBlank(line)) break;
      parts.push(line.slice(0, 800));
      length += line.length;
    }
    return parts.join(' ');
  }

  result(): Segmentation {
    const keptIndexes: number[] = [];
    this.lines.forEach((_, index) => {
      if (this.kept[index] === true) keptIndexes.push(index);
    });
    while (keptIndexes.length > 0 && isBlank(this.textOf(keptIndexes[keptIndexes.length - 1] ?? 0))) keptIndexes.pop();
    const keptLines = keptIndexes.map((index) => this.textOf(index));
    const signOff = trailingSignOffStart(keptLines);
    if (signOff !== undefined) {
      for (const index of keptIndexes.slice(signOff)) {
        this.kept[index] = false;
        this.kinds[index] = 'signature';
      }
      keptLines.length = signOff;
    }
    // Trailing spaces carry nothing a reader sees (and clients add them at random).
    return {
      visible: keptLines
        .map((line) => line.trimEnd())
        .join('\n')
        .trim(),
      removed: this.spans(),
    };
  }

  private textOf(index: number): string {
    return this.replaced.get(index) ?? this.lines[index] ?? '';
  }

  /** Consecutive removed lines of one kind, in message order. */
  private spans(): RemovedSpan[] {
    const spans: RemovedSpan[] = [...this.extraSpans];
    let current: { kind: RemovedPart; line: number; lines: string[] } | undefined;
    this.lines.forEach((line, index) => {
      const kind = this.kinds[index];
      if (kind === undefined) {
        if (current !== undefined && this.kept[index] === true) {
          spans.push({ kind: current.kind, line: current.line, text: current.lines.join('\n') });
          current = undefined;
        }
        return;
      }
      if (current !== undefined && current.kind !== kind) {
        spans.push({ kind: current.kind, line: current.line, text: current.lines.join('\n') });
        current = undefined;
      }
      if (current === undefined) current = { kind, line: index, lines: [] };
      current.lines.push(line);
    });
    if (current !== undefined) spans.push({ kind: current.kind, line: current.line, text: current.lines.join('\n') });
    return spans.sort((a, b) => a.line - b.line);
  }
}
