/**
 * Just enough RFC 5322 / MIME (RFC 2045–2047, 2231) parsing for what the sandbox must
 * know about a stored message: its headers (for threading, search and `format=metadata`)
 * and its part tree with decoded body sizes (for `format=full`). The stored bytes are
 * never rewritten by parsing; `format=raw` returns them as they came.
 *
 * Bytes are handled as latin1 strings while splitting, so string offsets are byte
 * offsets and 8-bit content survives untouched.
 */

export interface MimeHeader {
  name: string;
  /** Unfolded, RFC 2047 encoded-words decoded (Gmail shows decoded header values). */
  value: string;
}

export interface MimeEntity {
  headers: MimeHeader[];
  /** Lower-cased `type/subtype`; `text/plain` when absent (RFC 2045 §5.2). */
  mimeType: string;
  params: Record<string, string>;
  /** From Content-Disposition `filename`, else Content-Type `name`; '' when neither. */
  filename: string;
  /** A leaf's body with the transfer encoding removed; empty for multiparts. */
  body: Buffer;
  parts: MimeEntity[];
}

export function parseMime(raw: Buffer): MimeEntity {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const contentType = parseParams(headerValue(headers, 'content-type') ?? 'text/plain');
  const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(contentType.value) ? contentType.value : 'text/plain';
  const disposition = parseParams(headerValue(headers, 'content-disposition') ?? '');
  const filename = disposition.params.filename ?? contentType.params.name ?? '';
  const boundary = contentType.params.boundary;
  if (mimeType.startsWith('multipart/') && boundary) {
    return {
      headers,
      mimeType,
      params: contentType.params,
      filename,
      body: Buffer.alloc(0),
      parts: splitMultipart(body, boundary).map(parseMime),
    };
  }
  const encoding = (headerValue(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  return { headers, mimeType, params: contentType.params, filename, body: decodeTransfer(body, encoding), parts: [] };
}

/** First value of a header, case-insensitively, as RFC 5322 names are. */
export function headerValue(headers: readonly MimeHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Message-IDs in a Message-ID / In-Reply-To / References value, without angle brackets. */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] ?? '');
  return (bracketed.length > 0 ? bracketed : value.split(/\s+/)).filter((id) => id.length > 0);
}

/** The readable text of a message: its first text/plain leaf, else its first HTML leaf without tags. */
export function bodyText(entity: MimeEntity): string {
  const leaves: MimeEntity[] = [];
  const walk = (e: MimeEntity) => (e.parts.length > 0 ? e.parts.forEach(walk) : leaves.push(e));
  walk(entity);
  const inline = leaves.filter((l) => l.filename === '');
  const plain = inline.find((l) => l.mimeType === 'text/plain');
  if (plain) return decodeBytes(plain.body, plain.params.charset);
  const html = inline.find((l) => l.mimeType === 'text/html');
  if (html) return decodeBytes(html.body, html.params.charset).replace(/<[^>]*>/g, ' ');
  return '';
}

function splitHead(raw: Buffer): { head: string; body: Buffer } {
  const text = raw.toString('latin1');
  if (text.startsWith('\r\n')) return { head: '', body: raw.subarray(2) };
  if (text.startsWith('\n')) return { head: '', body: raw.subarray(1) };
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return { head: text, body: Buffer.alloc(0) };
  return { head: text.slice(0, end.index), body: raw.subarray(end.index + end[0].length) };
}

function parseHeaders(head: string): MimeHeader[] {
  const headers: MimeHeader[] = [];
  const lines: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    // Unfolding (RFC 5322 §2.2.3): a line starting with WSP continues the previous one.
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += line;
    else lines.push(line);
  }
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    // Raw 8-bit header bytes are taken as UTF-8 (RFC 6532); ASCII is unchanged by this.
    const value = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
    headers.push({ name: line.slice(0, colon).trim(), value: decodeEncodedWords(value) });
  }
  return headers;
}

const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g;

/** RFC 2047. Adjacent words of one charset are joined before decoding, since a character's bytes may be split across them. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = () => {
    if (pending) out += decodeBytes(Buffer.concat(pending.bytes), pending.charset);
    pending = undefined;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [whole, charset = 'utf-8', encoding = 'b', text = ''] = match;
    const between = value.slice(last, match.index);
    const bytes = encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : qDecode(text);
    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    const adjacent = pending !== undefined && /^\s*$/.test(between);
    if (adjacent && pending && pending.charset.toLowerCase() === charset.toLowerCase()) {
      pending.bytes.push(bytes);
    } else {
      flush();
      if (!adjacent) out += between;
      pending = { charset, bytes: [bytes] };
    }
    last = match.index + whole.length;
  }
  flush();
  return out + value.slice(last);
}

function qDecode(text: string): Buffer {
  const latin = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(latin, 'latin1');
}

/** Decodes bytes in a MIME charset; unknown charsets fall back to latin1 rather than failing the message. */
export function decodeBytes(bytes: Buffer, charset: string | undefined): string {
  const name = (charset ?? 'utf-8').trim().toLowerCase();
  try {
    return new TextDecoder(name === 'utf8' ? 'utf-8' : name).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** `type/subtype; a=b; c="d"` with RFC 2231 extended and continued parameters. */
function parseParams(header: string): { value: string; params: Record<string, string> } {
  const segments = splitOutsideQuotes(header, ';');
  const value = (segments.shift() ?? '').trim().toLowerCase();
  const params: Record<string, string> = {};
  const extended = new Map<string, { index: number; encoded: boolean; text: string }[]>();
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const key = segment.slice(0, eq).trim().toLowerCase();
    let text = segment.slice(eq + 1).trim();
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1).replace(/\\(.)/g, '$1');
    const ext = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (ext?.[1] && (ext[2] !== undefined || ext[3] !== undefined)) {
      const sections = extended.get(ext[1]) ?? [];
      sections.push({ index: Number(ext[2] ?? 0), encoded: ext[3] !== undefined, text });
      extended.set(ext[1], sections);
    } else {
      params[key] = decodeEncodedWords(text);
    }
  }
  for (const [name, sections] of extended) {
    sections.sort((a, b) => a.index - b.index);
    let charset = 'utf-8';
    const bytes: Buffer[] = [];
    for (const [i, section] of sections.entries()) {
      let text = section.text;
      if (section.encoded && i === 0) {
        const parts = /^([^']*)'[^']*'(.*)$/.exec(text);
        if (parts) {
          charset = parts[1] || charset;
          text = parts[2] ?? '';
        }
      }
      bytes.push(section.encoded ? percentDecode(text) : Buffer.from(text, 'latin1'));
    }
    params[name] = decodeBytes(Buffer.concat(bytes), charset);
  }
  return { value, params };
}

function percentDecode(text: string): Buffer {
  return Buffer.from(
    text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  );
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && quoted) {
      current += c + (text[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (c === separator && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = body
      .toString('latin1')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return body;
}

/** Body parts between `--boundary` lines, up to `--boundary--` (RFC 2046 §5.1.1); preamble and epilogue dropped. */
export function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let start: number | null = null;
  let from = 0;
  for (;;) {
    const at = findDelimiter(text, delimiter, from);
    if (at === -1) {
      if (start !== null && start < text.length) parts.push(body.subarray(start));
      return parts;
    }
    if (start !== null) {
      // The CRLF before a delimiter belongs to the delimiter, not to the part.
      let end = at;
      if (text[end - 1] === '\n') end--;
      if (text[end - 1] === '\r') end--;
      parts.push(body.subarray(start, Math.max(start, end)));
    }
    const lineEnd = text.indexOf('\n', at);
    if (text.startsWith('--', at + delimiter.length)) return parts;
    start = lineEnd === -1 ? text.length : lineEnd + 1;
    from = start;
  }
}

function findDelimiter(text: string, delimiter: string, from: number): number {
  let at = text.indexOf(delimiter, from);
  while (at !== -1 && at > 0 && text[at - 1] !== '\n') at = text.indexOf(delimiter, at + 1);
  return at;
}
