/**
 * Just enough RFC 5322 to do what Exchange does with a MIME message on arrival: read
 * the headers Graph exposes as JSON fields (Subject, From, To, Cc, Message-ID, Date,
 * In-Reply-To, References) and thread by them. Bodies stay untouched bytes; `$value`
 * returns exactly what was delivered or sent. No dependency: postal-mime is only a
 * devDependency of this package, and headers are all the sandbox needs.
 */
export interface HeaderField {
  /** As written. */
  name: string;
  /** Unfolded, encoded words still encoded (what `internetMessageHeaders` shows). */
  value: string;
}

export interface MailAddress {
  name?: string;
  address: string;
}

/** Splits off the header block (up to the first empty line) and unfolds continuation lines. */
export function parseHeaderFields(mime: Buffer): HeaderField[] {
  const text = mime.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  const fields: HeaderField[] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

export function headerValue(fields: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return fields.find((field) => field.name.toLowerCase() === lower)?.value;
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?iso-8859-1?Q?…?=`); whitespace between adjacent words is dropped. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[bBqQ]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g, (_whole, charset: string, encoding: string, data: string) => {
      if (encoding.toUpperCase() === 'B') return decodeCharset(Buffer.from(data, 'base64'), charset);
      const bytes = data
        .replace(/_/g, ' ')
        .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      return decodeCharset(Buffer.from(bytes, 'latin1'), charset);
    });
}

/** Splits at commas outside quotes, angle brackets and comments. */
function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === '\\' && quoted) {
      current += char + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && char === '<') angle++;
    else if (!quoted && char === '>') angle = Math.max(0, angle - 1);
    else if (!quoted && char === '(') comment++;
    else if (!quoted && char === ')') comment = Math.max(0, comment - 1);
    if ((char === ',' || char === ';') && !quoted && angle === 0 && comment === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** `"Name" <a@b>`, `Name <a@b>`, `a@b (Name)`, groups (`team: a@b, c@d;`); addresses kept as written, as Graph shows them. */
export function parseAddressList(value: string | undefined): MailAddress[] {
  if (!value) return [];
  const addresses: MailAddress[] = [];
  for (let part of splitAddressList(value)) {
    // A group's display name ("undisclosed-recipients:") precedes its members.
    const group = /^[^"<@]*:(.*)$/.exec(part);
    if (group) part = (group[1] ?? '').trim();
    if (!part) continue;
    const angle = /^(.*)<([^>]*)>\s*(?:\(.*\))?$/.exec(part);
    if (angle) {
      const address = (angle[2] ?? '').trim();
      const rawName = (angle[1] ?? '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .replace(/\\(.)/g, '$1');
      const name = decodeEncodedWords(rawName).trim();
      if (address) addresses.push(name ? { name, address } : { address });
      continue;
    }
    const comment = /^([^\s(]+)\s*\((.*)\)$/.exec(part);
    if (comment) {
      const name = decodeEncodedWords(comment[2] ?? '').trim();
      addresses.push(name ? { name, address: comment[1] ?? '' } : { address: comment[1] ?? '' });
      continue;
    }
    if (part.includes('@')) addresses.push({ address: part });
  }
  return addresses;
}

/** Message-IDs in a Message-ID / In-Reply-To / References value, with their angle brackets. */
export function parseMessageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

/** Adds header lines at the top, as Exchange does when it stamps a missing Message-ID or From. */
export function prependHeaders(mime: Buffer, lines: readonly string[]): Buffer {
  if (lines.length === 0) return mime;
  const newline = mime.includes('\r\n') ? '\r\n' : '\n';
  return Buffer.concat([Buffer.from(lines.map((line) => line + newline).join('')), mime]);
}

/** Encodes a header value as one UTF-8 encoded word when it is not plain ASCII. */
export function encodeHeaderText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

export function formatAddress(address: MailAddress): string {
  if (!address.name) return address.address;
  const name = /^[\x20-\x7e]*$/.test(address.name) ? `"${address.name.replace(/(["\\])/g, '\\$1')}"` : encodeHeaderText(address.name);
  return `${name} <${address.address}>`;
}

/** A minimal single-part text/plain message, for drafts the sandbox composes itself (createReply). */
export function buildPlainMime(headers: ReadonlyArray<readonly [string, string | undefined]>, text: string): Buffer {
  const lines = headers
    .filter((entry): entry is readonly [string, string] => Boolean(entry[1]))
    .map(([name, value]) => `${name}: ${value}`);
  lines.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64');
  const body = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}\r\n`);
}

/** Drops a header (with its continuation lines), bytes otherwise untouched: Bcc never reaches recipients. */
export function removeHeader(mime: Buffer, name: string): Buffer {
  // latin1 maps bytes 1:1, so the header block round-trips whatever its encoding.
  const text = mime.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headerEnd = end === -1 ? text.length : end;
  const lines = text.slice(0, headerEnd).split(/(?<=\n)/);
  const kept: string[] = [];
  let dropping = false;
  const prefix = `${name.toLowerCase()}:`;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = line.toLowerCase().startsWith(prefix);
    if (!dropping) kept.push(line);
  }
  // The block ends without its last line break (that belongs to the blank-line separator);
  // when the last header was dropped, strip the line break the kept lines now end with.
  const header = end === -1 ? kept.join('') : kept.join('').replace(/\r?\n$/, '');
  return Buffer.from(header + text.slice(headerEnd), 'latin1');
}

/** RFC 5322 date, as Exchange stamps a message that has none. */
export function formatRfc5322Date(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}
