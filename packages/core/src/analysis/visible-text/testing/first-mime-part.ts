/**
 * Test helper: the first text/<subtype> part of a raw MIME message, decoded. Just enough
 * MIME for the talon standard replies (multipart/alternative, base64, quoted-printable,
 * us-ascii/utf-8/iso-8859-1); the product's real parser lives in @firmly/mail, which core
 * must not depend on.
 */
interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(binary: string): Part {
  const match = /\r?\n\r?\n/u.exec(binary);
  const head = match === null ? binary : binary.slice(0, match.index);
  const body = match === null ? '' : binary.slice(match.index + match[0].length);
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n[ \t]+/gu, ' ');
  for (const line of unfolded.split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(header);
  return match?.[1] ?? match?.[2];
}

function decodeTransfer(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/gu, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const softBreaksRemoved = body.replace(/=\r?\n/gu, '');
    const bytes: number[] = [];
    for (let i = 0; i < softBreaksRemoved.length; i += 1) {
      const ch = softBreaksRemoved.charCodeAt(i);
      const hex = softBreaksRemoved.slice(i + 1, i + 3);
      if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/u.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(ch & 0xff);
    }
    return Uint8Array.from(bytes);
  }
  return Buffer.from(body, 'latin1');
}

function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(label === 'us-ascii' ? 'utf-8' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function findPart(binary: string, subtype: string): string | undefined {
  const { headers, body } = splitPart(binary);
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? 'text/plain';
  if (type.startsWith('multipart/')) {
    const boundary = parameter(contentType, 'boundary');
    if (boundary === undefined) return undefined;
    const pieces = body.split(new RegExp(`^--${boundary.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:--)?[ \\t]*\\r?$\\n?`, 'mu'));
    for (const piece of pieces.slice(1)) {
      const found = findPart(piece, subtype);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (type !== `text/${subtype}`) return undefined;
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return decodeCharset(decodeTransfer(body, encoding), parameter(contentType, 'charset'));
}

export function firstTextPart(raw: Uint8Array, subtype: 'plain' | 'html' = 'plain'): string | undefined {
  return findPart(Buffer.from(raw).toString('latin1'), subtype);
}
