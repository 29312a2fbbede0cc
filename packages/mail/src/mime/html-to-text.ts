import { decodeEntities } from './html-entities';

/**
 * A small HTML → plain text converter for HTML-only mail.
 *
 * Why not a DOM or a regex pipeline: mail HTML is hostile input, and this runs on every
 * message. The scanner walks the string once, left to right; every "find the next X"
 * goes through a cached `NextIndex`, so even unterminated quotes, comments and tags cost
 * O(n) in total (a naive indexOf per tag is O(n²) on `<a x="` repeated). No regex runs over
 * unbounded input.
 *
 * What it produces: text as a reader sees it. Block elements end lines, paragraphs and
 * headings are separated by one blank line, <br> is a line break, <li> gets "- ", table
 * cells are separated by a space. <script>, <style>, <head>, <title> and similar are
 * dropped. Entities are decoded. Whitespace collapses like a browser's, except in <pre>.
 * Quoted blocks (<blockquote type="cite"> and the clients' "…quote" classes) keep their
 * content and get "> " markers, the same shape a text/plain reply has, so the later
 * quote-stripping stage treats HTML-only and plain mail alike. A <blockquote> without those
 * markers is an indent the author made (Gmail's "indent more"), so it gets no marker.
 */
export function htmlToText(html: string): string {
  return new HtmlScanner(html).run();
}

/** Content never meant to be read as the message (scripts, styles, form/embedded widgets). */
const DROPPED = new Set(['script', 'style', 'title', 'template', 'noscript', 'textarea', 'xmp', 'iframe', 'object', 'svg', 'math']);
/** Elements separated from their neighbours by a blank line. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'hr']);
/** Elements that start and end a line. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'html',
  'legend',
  'main',
  'nav',
  'section',
  'summary',
  'tr',
]);

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/**
 * `indexOf` with memory: when positions only move forward, each character is searched past
 * at most once. A miss is remembered too, so "no more `"` after here" is answered in O(1).
 */
class NextIndex {
  private from = Number.POSITIVE_INFINITY;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  next(pos: number): number {
    if (pos >= this.from && (this.at === -1 || this.at >= pos)) return this.at;
    this.from = pos;
    this.at = this.text.indexOf(this.needle, pos);
    return this.at;
  }
}

type Tag =
  | { kind: 'open'; name: string; end: number; selfClosing: boolean; attributes: string }
  | { kind: 'close'; name: string; end: number }
  | { kind: 'other'; end: number }
  | { kind: 'text' };

class HtmlScanner {
  private readonly sink = new TextSink();
  private readonly lt: NextIndex;
  private readonly gt: NextIndex;
  private readonly dquote: NextIndex;
  private readonly squote: NextIndex;
  private readonly commentEnd: NextIndex;
  private inHead = false;
  private preDepth = 0;
  /** For each open <blockquote>, whether it added a quote level (so its close removes one). */
  private readonly blockquotes: boolean[] = [];

  constructor(private readonly html: string) {
    this.lt = new NextIndex(html, '<');
    this.gt = new NextIndex(html, '>');
    this.dquote = new NextIndex(html, '"');
    this.squote = new NextIndex(html, "'");
    this.commentEnd = new NextIndex(html, '-->');
  }

  run(): string {
    const { html } = this;
    let pos = 0;
    while (pos < html.length) {
      const lt = this.lt.next(pos);
      const textEnd = lt < 0 ? html.length : lt;
      if (textEnd > pos) this.text(html.slice(pos, textEnd));
      if (lt < 0) break;
      const tag = this.readTag(lt);
      if (tag.kind === 'text') {
        // A "<" that starts no tag ("a < b") is text.
        this.text('<');
        pos = lt + 1;
        continue;
      }
      pos = tag.end;
      if (tag.kind === 'open') pos = this.open(tag.name, tag.selfClosing, tag.attributes, pos);
      else if (tag.kind === 'close') this.close(tag.name);
    }
    return this.sink.finish();
  }

  private text(raw: string): void {
    if (this.inHead) return;
    this.sink.text(decodeEntities(raw), this.preDepth > 0);
  }

  /** Handles a start tag; returns where scanning continues (past dropped content). */
  private open(name: string, selfClosing: boolean, attributes: string, pos: number): number {
    if (DROPPED.has(name)) return selfClosing ? pos : this.skipPastEndTag(name, pos);
    if (name === 'head') {
      this.inHead = true;
      return pos;
    }
    if (name === 'body') this.inHead = false;
    if (this.inHead) return pos;

    const { sink } = this;
    if (name === 'br') sink.hardBreak();
    else if (PARAGRAPH.has(name)) sink.paragraph();
    else if (name === 'pre') {
      sink.paragraph();
      if (!selfClosing) this.preDepth++;
    } else if (name === 'blockquote') {
      sink.paragraph();
      const quoted = isCitation(attributes);
      if (!selfClosing) this.blockquotes.push(quoted);
      if (quoted && !selfClosing) sink.quoteDepth++;
    } else if (name === 'li') {
      sink.block();
      sink.bullet();
    } else if (name === 'td' || name === 'th') sink.softSpace();
    else if (BLOCK.has(name)) sink.block();
    return pos;
  }

  private close(name: string): void {
    if (name === 'head') {
      this.inHead = false;
      return;
    }
    if (this.inHead) return;
    const { sink } = this;
    // Browsers read a stray </br> as <br>; Outlook writes it.
    if (name === 'br') sink.hardBreak();
    else if (PARAGRAPH.has(name)) sink.paragraph();
    else if (name === 'pre') {
      sink.paragraph();
      this.preDepth = Math.max(0, this.preDepth - 1);
    } else if (name === 'blockquote') {
      sink.block();
      if (this.blockquotes.pop()) sink.quoteDepth = Math.max(0, sink.quoteDepth - 1);
      sink.paragraph();
    } else if (name === 'td' || name === 'th') sink.softSpace();
    else if (name === 'li' || BLOCK.has(name)) sink.block();
    // An empty <li> must not hand its "- " to whatever text follows the list.
    if (name === 'li' || name === 'ul' || name === 'ol') sink.cancelBullet();
  }

  private readTag(lt: number): Tag {
    const { html } = this;
    const c1 = html.charCodeAt(lt + 1);
    if (c1 === BANG) {
      if (html.startsWith('--', lt + 2)) {
        // "<!-->" is a complete (empty) comment, hence searching from lt + 2.
        const end = this.commentEnd.next(lt + 2);
        return { kind: 'other', end: end < 0 ? html.length : end + 3 };
      }
      return { kind: 'other', end: this.pastNext(this.gt, lt + 2) }; // doctype, CDATA, <![if mso]>
    }
    if (c1 === QUESTION) return { kind: 'other', end: this.pastNext(this.gt, lt + 2) };
    if (c1 === SLASH) {
      const nameEnd = this.nameEnd(lt + 2);
      if (nameEnd === lt + 2) {
        // "</>" is ignored; "</ …>" is a bogus comment in HTML.
        return { kind: 'other', end: this.pastNext(this.gt, lt + 2) };
      }
      return { kind: 'close', name: html.slice(lt + 2, nameEnd).toLowerCase(), end: this.pastNext(this.gt, nameEnd) };
    }
    const nameEnd = this.nameEnd(lt + 1);
    if (nameEnd === lt + 1) return { kind: 'text' };
    const name = html.slice(lt + 1, nameEnd).toLowerCase();
    const { end, selfClosing } = this.attributesEnd(nameEnd);
    const attributes = name === 'blockquote' ? html.slice(nameEnd, end) : '';
    return { kind: 'open', name, end, selfClosing, attributes };
  }

  /** Index after the first character of a tag name, or `start` when no name begins there. */
  private nameEnd(start: number): number {
    const { html } = this;
    if (!isLetter(html.charCodeAt(start))) return start;
    let i = start + 1;
    while (i < html.length && isNameChar(html.charCodeAt(i))) i++;
    return i;
  }

  /** Skips attributes to the ">" that ends the tag, honouring quoted values that contain ">". */
  private attributesEnd(start: number): { end: number; selfClosing: boolean } {
    const { html } = this;
    let last = 0; // last non-space character, to tell `a="…"` quotes and "/>"
    let i = start;
    while (i < html.length) {
      const c = html.charCodeAt(i);
      if (c === GT) return { end: i + 1, selfClosing: last === SLASH };
      if ((c === DQUOTE || c === SQUOTE) && last === EQUALS) {
        const close = (c === DQUOTE ? this.dquote : this.squote).next(i + 1);
        // An unterminated value would swallow the document in a browser; ending the tag
        // at the next ">" keeps the rest of the text.
        if (close < 0) return { end: this.pastNext(this.gt, i + 1), selfClosing: false };
        i = close + 1;
        last = c;
        continue;
      }
      if (!isSpace(c)) last = c;
      i++;
    }
    return { end: html.length, selfClosing: false };
  }

  /** Past the end tag of a dropped element, e.g. `</script >`; the end of input if none. */
  private skipPastEndTag(name: string, pos: number): number {
    const { html } = this;
    let at = pos;
    for (;;) {
      const lt = this.lt.next(at);
      if (lt < 0) return html.length;
      if (html.charCodeAt(lt + 1) === SLASH && matchesNameAt(html, lt + 2, name)) {
        return this.pastNext(this.gt, lt + 2 + name.length);
      }
      at = lt + 1;
    }
  }

  private pastNext(finder: NextIndex, pos: number): number {
    const at = finder.next(pos);
    return at < 0 ? this.html.length : at + 1;
  }
}

/** `type="cite"` (Apple Mail, Thunderbird) or a "…quote…" class (gmail_quote, yahoo_quoted…). */
function isCitation(attributes: string): boolean {
  const lower = attributes.toLowerCase();
  return lower.includes('cite') || lower.includes('quote');
}

function matchesNameAt(html: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = html.charCodeAt(at + k);
    // ASCII lower-casing; the names compared here are ASCII.
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    if (lower !== name.charCodeAt(k)) return false;
  }
  return !isNameChar(html.charCodeAt(at + name.length));
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  // letters, digits, ":", "-", "_", "." (Outlook's <o:p>, custom elements)
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d || c === 0x5f || c === 0x2e;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

/** Whitespace that collapses in flowing text; &nbsp; too, since readers do not see it either. */
function isCollapsible(c: number): boolean {
  return isSpace(c) || c === 0x0b || c === 0xa0;
}

interface Line {
  depth: number;
  text: string;
}

/**
 * Builds the output line by line. Lines remember their quote depth; consecutive blank lines
 * collapse into one and leading/trailing blank lines are dropped, so layout markup
 * (<div><br></div><p>&nbsp;</p>…) cannot produce pages of empty lines.
 */
class TextSink {
  quoteDepth = 0;
  private readonly lines: Line[] = [];
  private parts: string[] = [];
  private lineDepth = 0;
  private pendingSpace = false;
  private pendingBullet = false;

  text(text: string, pre: boolean): void {
    if (pre) this.preText(text);
    else this.flowText(text);
  }

  softSpace(): void {
    if (this.parts.length > 0) this.pendingSpace = true;
  }

  hardBreak(): void {
    this.endLine(true);
  }

  block(): void {
    this.endLine(false);
  }

  paragraph(): void {
    this.endLine(false);
    this.blank();
  }

  bullet(): void {
    this.pendingBullet = true;
  }

  cancelBullet(): void {
    this.pendingBullet = false;
  }

  finish(): string {
    this.endLine(false);
    const { lines } = this;
    while (lines.length > 0 && lines[lines.length - 1]?.text === '') lines.pop();
    return lines
      .map(({ depth, text }) => {
        const body = trimEnd(text);
        if (depth === 0) return body;
        const marker = '>'.repeat(depth);
        return body === '' ? marker : `${marker} ${body}`;
      })
      .join('\n');
  }

  private flowText(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (isCollapsible(text.charCodeAt(i))) {
        this.pendingSpace = true;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < text.length && !isCollapsible(text.charCodeAt(j))) j++;
      this.word(text.slice(i, j));
      i = j;
    }
  }

  private preText(text: string): void {
    const segments = text.split('\n');
    for (const [k, segment] of segments.entries()) {
      if (k > 0) this.endLine(true);
      const clean = segment.endsWith('\r') ? segment.slice(0, -1) : segment;
      if (clean === '') continue;
      if (this.parts.length === 0) this.startLine();
      this.parts.push(clean);
    }
    this.pendingSpace = false;
  }

  private word(word: string): void {
    if (this.parts.length === 0) this.startLine();
    else if (this.pendingSpace) this.parts.push(' ');
    this.parts.push(word);
    this.pendingSpace = false;
  }

  private startLine(): void {
    this.lineDepth = this.quoteDepth;
    if (this.pendingBullet) {
      this.parts.push('- ');
      this.pendingBullet = false;
    }
  }

  private endLine(force: boolean): void {
    if (this.parts.length > 0) {
      this.lines.push({ depth: this.lineDepth, text: this.parts.join('') });
      this.parts = [];
    } else if (force) {
      this.blank();
    }
    this.pendingSpace = false;
  }

  private blank(): void {
    const last = this.lines[this.lines.length - 1];
    if (last === undefined || last.text === '') return;
    this.lines.push({ depth: this.quoteDepth, text: '' });
  }
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isCollapsible(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}
