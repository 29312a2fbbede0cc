/**
 * An email the operator wrote in their own words (the review queue's "edit text"): the HTML
 * part is rendered from their plain text in the same plain letter look as our templates, so
 * the two parts say the same thing. The text is data, never template source: it is escaped
 * and no placeholder in it is filled.
 */
import { isEmailLocale } from './kinds';
import { compileMjmlStrict } from './mjml-compiler';
import { escapeHtml, toSafeLine } from './sanitize';

export interface HandWrittenEmail {
  readonly html: string;
  readonly text: string;
}

/** One paragraph per blank-line-separated block; single line breaks stay line breaks. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}

function paragraphMjml(block: string): string {
  const lines = block.split('\n').map((line) => escapeHtml(line));
  return `        <mj-text>${lines.join('<br />')}</mj-text>`;
}

/**
 * `text` is expected tidy already (LF line breaks, no other control characters); whatever
 * control character is left in a line becomes a space. Throws when MJML refuses the result.
 */
export async function renderHandWrittenEmail(locale: string, subject: string, text: string): Promise<HandWrittenEmail> {
  const lang = isEmailLocale(locale) ? locale : 'en';
  const blocks = paragraphs(text.replace(/\r\n?/g, '\n'));
  if (blocks.length === 0) throw new Error('the text is empty');
  const mjml = `<mjml lang="${lang}" dir="ltr">
  <mj-head>
    <mj-title>${escapeHtml(subject)}</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.55" color="#1f2328" padding="6px 28px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section background-color="#ffffff" padding="24px 0">
      <mj-column>
${blocks.map(paragraphMjml).join('\n')}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
  const html = await compileMjmlStrict(mjml);
  const plain = blocks.map((block) => block.split('\n').map(toSafeLine).join('\n')).join('\n\n');
  return { html, text: `${plain}\n` };
}
