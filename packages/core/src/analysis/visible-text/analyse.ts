import { htmlToText } from './html/html-to-text';
import { cap, MAX_HTML_CHARS, MAX_TEXT_CHARS, prepareText } from './prepare-text';
import { cutAtHtmlBoundary } from './reconcile';
import { type RemovedSpan, segment } from './segment';
import type { RemovedPart, VisibleText, VisibleTextInput } from './types';

/** The public result plus the removed stretches themselves (tests and diagnostics read them). */
export interface VisibleTextAnalysis extends VisibleText {
  spans: RemovedSpan[];
}

interface BodyResult {
  visible: string;
  spans: RemovedSpan[];
  notes: string[];
}

function fromPlain(raw: string): BodyResult {
  const capped = cap(raw, MAX_TEXT_CHARS, 'text input');
  const { visible, removed } = segment(prepareText(capped.value));
  return { visible, spans: removed, notes: capped.note === undefined ? [] : [capped.note] };
}

function fromHtml(raw: string): BodyResult {
  const capped = cap(raw, MAX_HTML_CHARS, 'html input');
  const notes = capped.note === undefined ? [] : [capped.note];
  // Our structure marks are added by the converter after the content is cleaned of them.
  const converted = htmlToText(capped.value.normalize('NFC'));
  if (converted.deepNesting) notes.push('html nested deeper than 1024 elements; quotes below that depth were not marked');
  const capText = cap(converted.text, MAX_TEXT_CHARS, 'text converted from html');
  if (capText.note !== undefined) notes.push(capText.note);
  const { visible, removed } = segment(capText.value.replace(/\r\n?/gu, '\n'));
  return { visible, spans: removed, notes };
}

/** Every structure cue html/quote-cues.ts reads starts with one of these words in the markup. */
const HTML_QUOTE_MARKUP =
  /blockquote|gmail_quote|yahoo_quoted|moz-cite-prefix|protonmail_quote|olk_src_body_section|divrplyfwdmsg|appendonsend|<hr|border-top/i;

function kindsInOrder(spans: readonly RemovedSpan[]): RemovedPart[] {
  return [...new Set(spans.map((span) => span.kind))];
}

function analyseBodies(input: VisibleTextInput): BodyResult {
  const text = typeof input.text === 'string' ? input.text : '';
  const html = typeof input.html === 'string' ? input.html : '';
  const hasHtml = html.trim() !== '';
  if (text.trim() === '') return hasHtml ? fromHtml(html) : { visible: '', spans: [], notes: [] };
  const plain = fromPlain(text);
  if (!hasHtml || plain.visible === '') return plain;
  // The HTML is read only for a quote boundary the plain text lacks; when the plain text had
  // one, the converted HTML would only confirm it (and converting costs more than stripping).
  if (plain.spans.some((span) => span.kind === 'quote' || span.kind === 'forward_header')) return plain;
  // Nor is it worth converting HTML that carries none of the markup clients quote with.
  if (!HTML_QUOTE_MARKUP.test(html)) return plain;
  const rich = fromHtml(html);
  const htmlSawQuote = rich.spans.some((span) => span.kind === 'quote' || span.kind === 'forward_header');
  const cut = htmlSawQuote ? cutAtHtmlBoundary(plain.visible, rich.visible) : undefined;
  if (cut === undefined) return plain;
  const dropped = plain.visible.slice(cut.length).trim();
  return { visible: cut, spans: [...plain.spans, { kind: 'quote', line: Number.MAX_SAFE_INTEGER, text: dropped }], notes: plain.notes };
}

/** `extractVisibleText` with the removed text kept. Never throws: on an internal error the body is returned unstripped, with a note. */
export function analyseVisibleText(input: VisibleTextInput): VisibleTextAnalysis {
  try {
    const result = analyseBodies(input ?? {});
    return { text: result.visible, removed: kindsInOrder(result.spans), notes: result.notes, spans: result.spans };
  } catch (error) {
    // A bug must not stop the sync of a mailbox; the message is analysed as written instead.
    const text = typeof input?.text === 'string' && input.text.trim() !== '' ? input.text : '';
    return {
      text: prepareText(cap(text, MAX_TEXT_CHARS, 'text input').value).trim(),
      removed: [],
      notes: [`visible text extraction failed (${error instanceof Error ? error.message : String(error)}); the body is used unstripped`],
      spans: [],
    };
  }
}
