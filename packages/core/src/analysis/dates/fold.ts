/**
 * A matching view of text: lower case, Latin accents removed, and exactly as long as the
 * input so that an index found in the folded text points at the same place in the original.
 * People type Hungarian without accents on phones ("penteken", "szamla"), so the phrase
 * lists are written unaccented and matched against this view.
 */
const foldedChar = new Map<string, string>();

function foldOne(unit: string): string {
  const cached = foldedChar.get(unit);
  if (cached !== undefined) return cached;
  // Curly and modifier apostrophes become ASCII so that "we’ve" matches "we've".
  if (unit === '\u2019' || unit === '\u2018' || unit === '\u02bc') return "'";
  let result = unit;
  const lower = unit.toLowerCase();
  // Some characters lower-case to two units (İ → i̇); keep them so the length never changes.
  if (lower.length === 1) result = lower;
  const base = result.normalize('NFD');
  if (base.length > 1 && /^[a-z]\p{M}+$/u.test(base)) result = base.charAt(0);
  if (foldedChar.size < 4096) foldedChar.set(unit, result);
  return result;
}

export function foldForMatching(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // Copy the ASCII run in one go; only non-ASCII units need the slow path.
    out += text.slice(run, i).toLowerCase() + foldOne(text.charAt(i));
    run = i + 1;
  }
  return out + text.slice(run).toLowerCase();
}
