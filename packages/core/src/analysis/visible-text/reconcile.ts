/**
 * When a message has both bodies, the plain text is what we read, but the HTML may show a
 * quote boundary the text lost (an Outlook reply whose plain part has no markers and no
 * header block we recognise). If the HTML's visible text is a strict word-for-word prefix of
 * the text's, the text is cut at the end of the line where that prefix ends.
 */
const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase());
}

/** The plain visible text cut where the HTML's visible text ends, or undefined when they do not line up. */
export function cutAtHtmlBoundary(plainVisible: string, htmlVisible: string): string | undefined {
  const htmlWords = words(htmlVisible);
  if (htmlWords.length === 0) return undefined;
  WORD.lastIndex = 0;
  let matched = 0;
  let endOfLastMatch = 0;
  for (const match of plainVisible.matchAll(WORD)) {
    if (matched === htmlWords.length) {
      // More words follow in the plain text: it is longer than the HTML's, cut after the line.
      const lineEnd = plainVisible.indexOf('\n', endOfLastMatch);
      const cut = (lineEnd === -1 ? plainVisible : plainVisible.slice(0, lineEnd)).trim();
      return cut.length < plainVisible.length ? cut : undefined;
    }
    if (match[0].toLowerCase() !== htmlWords[matched]) return undefined;
    matched += 1;
    endOfLastMatch = match.index + match[0].length;
  }
  return undefined;
}
