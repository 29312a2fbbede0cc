import { CUT_MARK, RULE_MARK } from '../lines';
import { decodeEntities } from './entities';
import { NextIndex } from './next-index';
import { isQuoteContainer, isReplyCut, isRuleBlock, type TagAttributes } from './quote-cues';

/**
 * HTML → the plain text a reader sees, with the structure that matters for quote stripping
 * kept in the text's own terms: content of quote containers gets "> " markers (the shape a
 * text/plain reply has), Outlook's reply container becomes a cut mark, rules become rule
 * marks. The text stage then treats HTML-only and plain mail alike.
 *
 * One left-to-right pass; every "find the next X" goes through `NextIndex`, so unterminated
 * comments, quotes and tags cost O(n) in total. Block elements end lines, `<br>` breaks a
 * line, `<li>` gets "- ", cells are separated by a space, scripts/styles/titles are dropped,
 * entities decoded, whitespace collapsed as a browser does (except in `<pre>`).
 */
export interface HtmlText {
  text: string;
  /** Set when nesting went deeper than we track; quote depth beyond it is not marked. */
  deepNesting: boolean;
}

export function htmlToText(html: string): HtmlText {
  return new Converter(html).run();
}

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track']);
/** Elements whose content is never shown as message text. */
const RAW_DROPPED = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript', 'template', 'iframe', 'object', 'svg', 'math']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);
const MAX_OPEN_ELEMENTS = 1024;
const MAX_ATTRIBUTE_VALUE = 300;

interface OpenElement {
  name: string;
  quote: boolean;
}

/** Controls and our own marks never reach the text from the HTML's content. */
const UNWANTED_CHARS = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F${CUT_MARK}${RULE_MARK}]`, 'gu');

class Converter {
  private readonly next: NextIndex;
  private readonly lines: string[] = [];
  private current = '';
  private currentDepth = 0;
  private readonly open: OpenElement[] = [];
  private readonly openCount = new Map<string, number>();
  private quoteDepth = 0;
  private preDepth = 0;
  private deepNesting = false;

  constructor(private readonly html: string) {
    this.next = new NextIndex(html);
  }

  run(): HtmlText {
    const { html } = this;
    let pos = 0;
    while (pos < html.length) {
      const lt = this.next.of('<', pos);
      if (lt === -1) {
        this.text(html.slice(pos));
        break;
      }
      if (lt > pos) this.text(html.slice(pos, lt));
      pos = this.markup(lt);
    }
    this.endLine(false);
    return { text: this.lines.join('\n'), deepNesting: this.deepNesting };
  }

  /** Handles the markup starting at `lt`; returns the position after it. */
  private markup(lt: number): number {
    const { html } = this;
    const after = html.charAt(lt + 1);
    if (html.startsWith('!--', lt + 1)) {
      const end = this.next.of('-->', lt + 4);
      return end === -1 ? html.length : end + 3;
    }
    if (after === '!' || after === '?') {
      const gt = this.next.of('>', lt + 1);
      return gt === -1 ? html.length : gt + 1;
    }
    const closing = after === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    const name = /^[A-Za-z][A-Za-z0-9:-]{0,31}/u.exec(html.slice(nameStart, nameStart + 32))?.[0]?.toLowerCase();
    if (name === undefined) {
      // "a < b": a literal less-than sign.
      this.text('<');
      return lt + 1;
    }
    const { end, attributes } = this.readAttributes(nameStart + name.length);
    if (closing) this.endTag(name);
    else return this.startTag(name, attributes, end);
    return end;
  }

  /** Reads attributes up to the tag's `>`; only id, class and style are kept. */
  private readAttributes(from: number): { end: number; attributes: TagAttributes } {
    const { html } = this;
    const attributes: TagAttributes = { id: '', className: '', style: '' };
    let i = from;
    while (i < html.length) {
      const ch = html.charAt(i);
      if (ch === '>') return { end: i + 1, attributes };
      if (ch === '"' || ch === "'") {
        // A stray quote: skip to its partner, or give up on attributes at the next '>'.
        const close = this.next.of(ch, i + 1);
        if (close === -1) return { end: this.tagEnd(i), attributes };
        i = close + 1;
        continue;
      }
      if (/[\s/]/u.test(ch)) {
        i += 1;
        continue;
      }
      const nameMatch = /^[^\s=>/"']{1,64}/u.exec(html.slice(i, i + 64));
      const attrName = (nameMatch?.[0] ?? ch).toLowerCase();
      i += nameMatch?.[0]?.length ?? 1;
      while (i < html.length && /\s/u.test(html.charAt(i)) && i - from < 4096) i += 1;
      if (html.charAt(i) !== '=') continue;
      i += 1;
      while (i < html.length && /\s/u.test(html.charAt(i)) && i - from < 4096) i += 1;
      const quote = html.charAt(i);
      let value: string;
      if (quote === '"' || quote === "'") {
        const close = this.next.of(quote, i + 1);
        if (close === -1) return { end: this.tagEnd(i), attributes };
        value = html.slice(i + 1, Math.min(close, i + 1 + MAX_ATTRIBUTE_VALUE));
        i = close + 1;
      } else {
        const valueMatch = /^[^\s>]{0,300}/u.exec(html.slice(i, i + MAX_ATTRIBUTE_VALUE));
        value = valueMatch?.[0] ?? '';
        i += Math.max(value.length, 1);
        // An unquoted value longer than we keep: skip the rest of it.
        while (i < html.length && !/[\s>]/u.test(html.charAt(i))) i += 1;
      }
      if (attrName === 'id') attributes.id = value;
      else if (attrName === 'class') attributes.className = value;
      else if (attrName === 'style') attributes.style = value;
    }
    return { end: html.length, attributes };
  }

  private tagEnd(from: number): number {
    const gt = this.next.of('>', from);
    return gt === -1 ? this.html.length : gt + 1;
  }

  private startTag(name: string, attributes: TagAttributes, end: number): number {
    if (RAW_DROPPED.has(name)) return this.skipRawText(name, end);
    if (name === 'br') {
      this.endLine(true);
      return end;
    }
    if (name === 'hr') {
      this.mark(RULE_MARK);
      return end;
    }
    if (name === 'td' || name === 'th') this.append(' ');
    if (isReplyCut(attributes)) this.mark(CUT_MARK);
    else if (isRuleBlock(name, attributes)) this.mark(RULE_MARK);
    if (BLOCK.has(name)) this.endLine(false);
    if (name === 'pre') this.preDepth += 1;
    if (VOID.has(name)) return end;
    const quote = isQuoteContainer(name, attributes);
    if (this.open.length >= MAX_OPEN_ELEMENTS) {
      this.deepNesting = true;
      return end;
    }
    this.open.push({ name, quote });
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (quote) {
      this.endLine(false);
      this.quoteDepth += 1;
    }
    if (name === 'li') this.append('- ');
    return end;
  }

  private endTag(name: string): void {
    if (name === 'br') {
      this.endLine(true);
      return;
    }
    if (BLOCK.has(name)) this.endLine(false);
    if (name === 'pre' && this.preDepth > 0) this.preDepth -= 1;
    if ((this.openCount.get(name) ?? 0) === 0) return;
    // Close everything opened inside it that was left open (mail HTML often is).
    while (this.open.length > 0) {
      const element = this.open.pop();
      if (element === undefined) break;
      this.openCount.set(element.name, (this.openCount.get(element.name) ?? 1) - 1);
      if (element.quote) {
        this.endLine(false);
        this.quoteDepth -= 1;
      }
      if (element.name === name) break;
    }
  }

  /** Skips to the end tag of a raw-text element; an unclosed one swallows the rest, as in a browser. */
  private skipRawText(name: string, from: number): number {
    const { html } = this;
    let at = from;
    while (at < html.length) {
      const close = this.next.of('</', at);
      if (close === -1) return html.length;
      const candidate = html.slice(close + 2, close + 2 + name.length).toLowerCase();
      const following = html.charAt(close + 2 + name.length);
      if (candidate === name && !/[A-Za-z0-9]/u.test(following)) return this.tagEnd(close);
      at = close + 2;
    }
    return html.length;
  }

  private text(raw: string): void {
    if (this.preDepth > 0) {
      const decoded = decodeEntities(raw)
        .replace(UNWANTED_CHARS, '')
        .replace(/\u00a0/gu, ' ');
      const parts = decoded.replace(/\r\n?/gu, '\n').split('\n');
      parts.forEach((part, index) => {
        if (index > 0) this.endLine(true);
        this.append(part);
      });
      return;
    }
    const collapsed = raw.replace(/[ \t\n\r\f]+/gu, ' ');
    const decoded = decodeEntities(collapsed)
      .replace(UNWANTED_CHARS, '')
      .replace(/\u00a0/gu, ' ');
    this.append(decoded);
  }

  private append(chunk: string): void {
    if (chunk === '') return;
    let piece = chunk;
    if (this.preDepth === 0 && (this.current === '' || this.current.endsWith(' '))) piece = piece.replace(/^ +/u, '');
    if (piece === '') return;
    if (this.current === '') this.currentDepth = this.quoteDepth;
    this.current += piece;
  }

  /** Ends the current line; a hard break (`<br>`) also ends an empty one, making a blank line. */
  private endLine(hard: boolean): void {
    const content = this.current.trimEnd();
    this.current = '';
    if (content.trim() === '') {
      if (hard) this.lines.push('');
      return;
    }
    this.lines.push(`${'> '.repeat(this.currentDepth)}${content}`);
  }

  private mark(mark: string): void {
    this.endLine(false);
    this.lines.push(mark);
  }
}
