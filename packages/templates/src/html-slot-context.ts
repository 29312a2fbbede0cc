import { TOKEN_PATTERN } from './template-language';

/**
 * Escaping makes a value harmless in element text and inside a quoted attribute value, and
 * nowhere else: in CSS, in a script, in an event handler, at the start of a URL, or in an
 * unquoted attribute an escaped value can still do damage. This finds placeholders that the
 * compiled HTML put in such a place, so such a template is refused before any email uses it.
 */

// Attributes whose value is code or a URL: a value there could be "javascript:…" or CSS.
const UNSAFE_ATTRIBUTES = new Set(['style', 'href', 'src', 'srcset', 'background', 'action', 'formaction', 'xlink:href', 'poster']);
const RAW_TEXT_ELEMENTS = ['style', 'script', 'textarea', 'xmp', 'noscript'] as const;
const ATTRIBUTE_BEFORE_SLOT = /([^\s"'<>/=]+)\s*=\s*(["'])[^"']*$/;

export function findUnsafeSlots(html: string): string[] {
  const lower = html.toLowerCase();
  const problems: string[] = [];
  for (const match of html.matchAll(TOKEN_PATTERN)) {
    const reason = unsafeReason(html, lower, match.index);
    if (reason) problems.push(`${match[0]} ${reason}`);
  }
  return problems;
}

function unsafeReason(html: string, lower: string, index: number): string | undefined {
  const tagStart = html.lastIndexOf('<', index);
  const tagEnd = html.lastIndexOf('>', index);
  const commentStart = lower.lastIndexOf('<!--', index);
  const commentEnd = lower.lastIndexOf('-->', index);
  const inComment = commentStart > commentEnd;
  if (tagStart > tagEnd && !(inComment && tagStart === commentStart)) {
    const attribute = ATTRIBUTE_BEFORE_SLOT.exec(html.slice(tagStart, index));
    if (!attribute) return 'sits inside a tag but not in a quoted attribute value';
    const name = (attribute[1] ?? '').toLowerCase();
    if (UNSAFE_ATTRIBUTES.has(name) || name.startsWith('on'))
      return `sits in the "${name}" attribute, where text can act as code or a link`;
    return undefined;
  }
  for (const element of RAW_TEXT_ELEMENTS) {
    if (lower.lastIndexOf(`<${element}`, index) > lower.lastIndexOf(`</${element}`, index)) {
      return `sits inside <${element}>, where escaping does not apply`;
    }
  }
  return undefined;
}
