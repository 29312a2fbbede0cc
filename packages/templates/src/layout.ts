import type { EmailLocale } from './kinds';
import type { Wording, WordingBlock } from './wording/wording';

/**
 * Turns wording into the two sources a template is compiled from: an MJML document and a
 * plain-text part. The look is deliberately plain, like a personal letter, because these
 * emails continue a conversation rather than announce a product.
 */

const BREAK_IN_HTML = '<br />';

export function wordingToMjml(wording: Wording, locale: EmailLocale): string {
  const body = [
    text(wording.greeting),
    ...wording.blocks.map((block) => blockToMjml(block)),
    text(wording.closing, 'padding-top="18px"'),
  ].join('\n');
  return `<mjml lang="${locale}" dir="ltr">
  <mj-head>
    <mj-title>{{subject}}</mj-title>
    <mj-preview>${breaks(wording.preview)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.55" color="#1f2328" padding="6px 28px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section background-color="#ffffff" padding="24px 0">
      <mj-column>
${body}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}

function blockToMjml(block: WordingBlock): string {
  if ('paragraph' in block) return text(block.paragraph);
  if ('heading' in block) return text(block.heading, 'font-size="17px" font-weight="bold" padding-top="14px"');
  if ('list' in block) {
    const items = `{{#each ${block.list}}}<li>${breaks(block.item)}</li>{{/each}}`;
    return `        <mj-text><ul style="margin:0;padding-left:20px;">${items}</ul></mj-text>`;
  }
  // mj-raw keeps the markers between table rows, so a hidden block leaves no empty row behind.
  const inner = block.blocks.map((child) => blockToMjml(child)).join('\n');
  return `        <mj-raw>{{#if ${block.when}}}</mj-raw>\n${inner}\n        <mj-raw>{{/if}}</mj-raw>`;
}

function text(content: string, attributes = ''): string {
  return `        <mj-text${attributes ? ` ${attributes}` : ''}>${breaks(content)}</mj-text>`;
}

/** Wording is plain text: its own `&`, `<` and `>` are escaped; placeholders contain none of them. */
function breaks(content: string): string {
  return content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', BREAK_IN_HTML);
}

export function wordingToText(wording: Wording): string {
  const parts = [wording.greeting, ...wording.blocks.map((block) => blockToText(block)), wording.closing];
  return `${parts.join('\n\n')}\n`;
}

function blockToText(block: WordingBlock): string {
  if ('paragraph' in block) return block.paragraph;
  if ('heading' in block) return block.heading;
  if ('list' in block) return `{{#each ${block.list}}}- ${block.item.replaceAll('\n', '\n  ')}\n{{/each}}`;
  // Hidden blocks and list ends leave extra blank lines; tidyPlainText folds them after filling.
  return `{{#if ${block.when}}}${block.blocks.map((child) => blockToText(child)).join('\n\n')}{{/if}}`;
}

/** Folds the blank lines that hidden blocks leave behind (values are single-line, so only template breaks remain). */
export function tidyPlainText(text: string): string {
  // Each pass runs only when its pattern can occur: a substring search is far cheaper than a
  // regular-expression scan of the whole part, and most letters need one pass or none.
  let tidy = text;
  if (tidy.includes(' \n') || tidy.includes('\t\n')) tidy = tidy.replace(/[ \t]+\n/g, '\n');
  if (tidy.includes('\n\n\n')) tidy = tidy.replace(/\n{3,}/g, '\n\n');
  return `${tidy.trim()}\n`;
}
