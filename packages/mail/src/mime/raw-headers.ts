import { decodeWords } from 'postal-mime';

/**
 * Recovery for raw 8-bit header values.
 *
 * RFC 5322 headers are ASCII (non-ASCII goes into encoded words), but old clients write
 * ISO-8859-2 / windows-1250 bytes straight into Subject. postal-mime decodes header lines as
 * UTF-8, so those bytes arrive as U+FFFD and "Árajánlat" becomes "�raj�nlat". When that
 * happens we re-read the header's bytes and decode them with the charset the message
 * declares for its body (the best evidence of what the sender's client used), falling back
 * to windows-1252 like browsers do.
 */

/** Header blocks past this size are not searched; real ones are a few KB. */
const MAX_HEADER_SCAN = 256 * 1024;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function recoverHeaderText(
  raw: Uint8Array,
  name: string,
  parsed: string | undefined,
  contentType: string | undefined,
): string | undefined {
  if (parsed === undefined || !parsed.includes('\uFFFD')) return parsed;
  const bytes = rawHeaderValue(raw, name);
  if (bytes === undefined || isValidUtf8(bytes)) return parsed; // the U+FFFD was really there
  const decoded = decodeLegacy(bytes, charsetOf(contentType));
  return decodeWords(decoded).trim();
}

/** The bytes of the first top-level header `name` (case-insensitive), unfolded. */
export function rawHeaderValue(raw: Uint8Array, name: string): Uint8Array | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.min(raw.length, MAX_HEADER_SCAN);
  const chunks: Uint8Array[] = [];
  let collecting = false;
  let pos = 0;
  while (pos < limit) {
    let nl = raw.indexOf(0x0a, pos);
    if (nl < 0 || nl > limit) nl = limit;
    const end = nl > pos && raw[nl - 1] === 0x0d ? nl - 1 : nl;
    if (end === pos) break; // blank line: end of the header block
    const first = raw[pos];
    if (first === 0x20 || first === 0x09) {
      if (collecting) chunks.push(raw.subarray(pos, end));
    } else if (collecting) {
      break;
    } else {
      const valueStart = headerValueStart(raw, pos, end, wanted);
      if (valueStart >= 0) {
        collecting = true;
        chunks.push(raw.subarray(valueStart, end));
      }
    }
    pos = nl + 1;
  }
  return collecting ? Buffer.concat(chunks) : undefined;
}

/** Where the value starts when the line is `<name> *WSP ":"`, else -1. */
function headerValueStart(raw: Uint8Array, start: number, end: number, wanted: string): number {
  if (end - start <= wanted.length) return -1;
  for (let k = 0; k < wanted.length; k++) {
    const c = raw[start + k] as number;
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    if (lower !== wanted.charCodeAt(k)) return -1;
  }
  let i = start + wanted.length;
  while (i < end && (raw[i] === 0x20 || raw[i] === 0x09)) i++;
  return raw[i] === 0x3a ? i + 1 : -1;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType)?.[1]?.toLowerCase() : undefined;
}

function decodeLegacy(bytes: Uint8Array, charset: string | undefined): string {
  // A declared UTF-8 that is not valid UTF-8 tells us nothing; use the browsers' default.
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // unknown label: fall through
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}
