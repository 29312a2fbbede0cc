/**
 * What mail clients' HTML says about quoting, beyond the text itself.
 *
 * - Containers hold quoted history: every `<blockquote>` (Apple Mail and Thunderbird
 *   `type="cite"`, Gmail `class="gmail_quote"`, and the plain ones Mail.ru, Yandex and old
 *   webmail use), Gmail's `div.gmail_quote` (attribution included), Yahoo's
 *   `yahoo_quoted`, Thunderbird's `moz-cite-prefix` attribution, ProtonMail's
 *   `protonmail_quote`, Outlook for Mac's `#OLK_SRC_BODY_SECTION`.
 * - Cuts: Outlook (web and new desktop) puts `#divRplyFwdMsg` (the From/Sent/To block) and
 *   `#appendonsend` where the reply ends; everything after is the old message.
 * - Rules: a `<hr>` or Outlook's border-top `<div>` above a From:/Sent: block. Whether it
 *   separates history depends on what follows, so it only becomes a mark the text stage
 *   judges.
 */
export interface TagAttributes {
  id: string;
  className: string;
  style: string;
}

const CONTAINER_CLASSES = /(?:^|\s)(?:gmail_quote|yahoo_quoted|moz-cite-prefix|protonmail_quote)(?:\s|$)/iu;

export function isQuoteContainer(tag: string, attributes: TagAttributes): boolean {
  if (tag === 'blockquote') return true;
  if (CONTAINER_CLASSES.test(attributes.className)) return true;
  return attributes.id.toLowerCase() === 'olk_src_body_section';
}

export function isReplyCut(attributes: TagAttributes): boolean {
  return /(?:^|_)(?:divrplyfwdmsg|appendonsend)$/iu.test(attributes.id);
}

export function isRuleBlock(tag: string, attributes: TagAttributes): boolean {
  if (tag !== 'div' && tag !== 'p') return false;
  const style = attributes.style.toLowerCase();
  return /border-top\s*:[^;]{0,40}solid|border-top-style\s*:\s*solid/u.test(style) && !/border-top\s*:\s*none/u.test(style);
}
