/**
 * `indexOf` with memory. A scanner that asks "where is the next `"`?" from every tag of
 * `<a x="<a x="<a x="…` would rescan the rest of the document each time (quadratic); this
 * remembers the last answer per needle and reuses it while it is still ahead of the
 * question, so each needle costs one pass over the text in total.
 */
export class NextIndex {
  private readonly memo = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string) {}

  of(needle: string, from: number): number {
    const known = this.memo.get(needle);
    if (known !== undefined && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    const at = this.text.indexOf(needle, from);
    this.memo.set(needle, { from, at });
    return at;
  }
}
