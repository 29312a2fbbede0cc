/**
 * Text forms the rules match against. Rules are written once against an accent-free, lower-case
 * form, so "Kérlek", "kérlek" and "Kerlek" (Hungarian typed without accents) match the same rule.
 */

/** NFC, so precomposed and combining accents compare equal everywhere else. */
export function nfc(text: string): string {
  try {
    return text.normalize('NFC');
  } catch {
    // Lone surrogates normalise fine in V8, but a broken runtime must not break analysis.
    return text;
  }
}

const COMBINING_MARKS = /\p{M}+/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const SPACES = /\s+/gu;

/** Lower case, accents removed (ő → o, é → e), apostrophes straightened, whitespace collapsed. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(CURLY_APOSTROPHES, "'").replace(SPACES, ' ').trim();
}

// A URL never ends in the sentence's own punctuation ("see https://x.com/a?b=1.").
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]]/gi;
// Bounded local part and domain: no unbounded run that could rescan a long token.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
// Quoted speech is someone else's words ("Can we post daily?" is a question we get a lot).
const QUOTED = /“[^”\n]{0,300}”|„[^”“\n]{0,300}[”“]|"[^"\n]{0,300}"|«[^»\n]{0,300}»/g;

/** Replaces URLs, e-mail addresses and quoted speech, whose '?' and words are not ours. */
export function maskForeignText(text: string): string {
  return text.replace(URL, ' url ').replace(EMAIL, ' email ').replace(QUOTED, ' quote ');
}
