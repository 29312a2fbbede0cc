/**
 * A letter's wording, written once and turned into both the MJML body and the plain-text
 * part (so the two always say the same thing). Texts use the placeholder language; a line
 * break inside a text is a line break in both outputs.
 */
export type WordingBlock =
  | { readonly paragraph: string }
  | { readonly heading: string }
  /** A bulleted list over a list placeholder; `item` may use that list's fields. */
  | { readonly list: string; readonly item: string }
  /** Blocks shown only when the condition placeholder is set. */
  | { readonly when: string; readonly blocks: readonly WordingBlock[] };

export interface Wording {
  readonly subject: string;
  /** Shown by some clients next to the subject in the inbox list. */
  readonly preview: string;
  readonly greeting: string;
  readonly blocks: readonly WordingBlock[];
  /** Sign-off and signature lines. */
  readonly closing: string;
}

/**
 * Hungarian letters address the client formally ("Ön") unless the data asks for "te":
 * `ön('Kérem, jelezze', 'Kérlek, jelezd')`.
 */
export function ön(formal: string, informal: string): string {
  return `{{#if informal}}${informal}{{else}}${formal}{{/if}}`;
}
