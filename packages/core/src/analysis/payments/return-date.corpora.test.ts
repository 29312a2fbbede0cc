import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectReturnDate } from './return-date';
import { repoRoot } from './test-support';

/**
 * The RFC 3834 auto-replies of sisimai/set-of-emails (../shared/corpora, read byte for byte).
 * Only what detectReturnDate needs is parsed here: headers, Subject, Date, and the
 * text/plain body (multipart, quoted-printable and base64 are undone).
 */
const corporaDir = path.resolve(process.env.FIRMLY_CORPORA_DIR ?? path.join(repoRoot, '../shared/corpora'));
const folder = path.join(corporaDir, 'sisimai-set-of-emails/bsd');
const exists = existsSync(folder);

interface Mail {
  subject: string;
  date: Date;
  text: string;
}

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  return match ? { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) } : { head: raw, body: '' };
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([qb])\?([^?]*)\?=/gi, (_all, charset: string, encoding: string, data: string) => {
    const bytes =
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          );
    return decodeBytes(bytes, charset);
  });
}

function decodeBody(body: string, head: string): string {
  const type = header(head, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      const { head: partHead, body: partBody } = splitHead(part.replace(/^\r?\n/, ''));
      if (/text\/plain/i.test(header(partHead, 'Content-Type'))) return decodeBody(partBody, partHead);
    }
    return '';
  }
  const charset = /charset="?([^";\s]+)"?/i.exec(type)?.[1] ?? 'us-ascii';
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') {
    const softened = body.replace(/=\r?\n/g, '');
    return decodeBytes(
      Buffer.from(
        softened.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        'latin1',
      ),
      charset,
    );
  }
  if (encoding === 'base64') return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  return decodeBytes(Buffer.from(body, 'latin1'), charset);
}

function readMail(file: string): Mail {
  const raw = readFileSync(file).toString('latin1');
  const { head, body } = splitHead(raw);
  return { subject: decodeWords(header(head, 'Subject')), date: new Date(header(head, 'Date')), text: decodeBody(body, head) };
}

/** What each auto-reply states; worked out by reading the mails (their Date header is the reference). */
const EXPECTED: Record<string, string | undefined> = {
  // "Away until May 5" / "returning to the office on May 5th", sent 29 Apr 2005.
  'rfc3834-01.eml': '2005-05-05',
  // "I'm out of the office Friday." sent Wednesday 17 Jul 2013: back Monday 22 July.
  'rfc3834-02.eml': '2013-07-22',
  // "I'm only sleeping." (the dates are only in an X-Apple-Criteria header, which we do not read).
  'rfc3834-03.eml': undefined,
  // "traveling for work on July 10-31", sent 16 Mar 2013: back Thursday 1 August.
  'rfc3834-04.eml': '2013-08-01',
  // "zukünftig karl@hanz.de": no date.
  'rfc3834-05.eml': undefined,
  // "This email inbox … is no longer in use": no date.
  'rfc3834-06.eml': undefined,
};

describe.skipIf(!exists)(
  `detectReturnDate on sisimai RFC 3834 auto-replies${exists ? '' : ` (skipped: corpora not found at ${corporaDir})`}`,
  () => {
    const files = exists
      ? readdirSync(folder)
          .filter((f) => f.startsWith('rfc3834-'))
          .sort()
      : [];

    it('covers every rfc3834 file in the corpus', () => {
      expect(files).toEqual(Object.keys(EXPECTED).sort());
    });

    it.each(files)('%s', (file) => {
      const mail = readMail(path.join(folder, file));
      const found = detectReturnDate({ subject: mail.subject, visibleText: mail.text, sentAt: mail.date, timeZone: 'UTC', language: 'en' });
      expect(found?.date, `${mail.subject} | ${mail.text.slice(0, 200)}`).toBe(EXPECTED[file]);
    });

    it('reads the bodies it decodes (quoted-printable soft breaks undone)', () => {
      expect(readMail(path.join(folder, 'rfc3834-04.eml')).text).toContain(
        'I will be traveling for work on July 10-31.  During that time I will have intermittent access',
      );
      expect(readMail(path.join(folder, 'rfc3834-06.eml')).text).toContain('Please contact someone else');
    });
  },
);
