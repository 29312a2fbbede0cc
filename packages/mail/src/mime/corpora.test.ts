import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageWithoutBodies, NormalizedMessage } from '../model';
import { normaliseProviderMessage } from './normalise';

/**
 * The public fixture corpora (../shared/corpora, see its README.md), read in place byte for
 * byte. Every message file must normalise without throwing; where a corpus states ground
 * truth cheaply, we compare against it. Differences we understand and accept are listed
 * with the reason; anything else fails the test.
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const corporaDir = path.resolve(process.env.FIRMLY_CORPORA_DIR ?? path.join(repoRoot, '../shared/corpora'));
const exists = existsSync(path.join(corporaDir, 'imap_tools'));

/** The folders whose message files the brief names; each must contribute files. */
const FOLDERS = [
  'mikel-mail',
  'imap_tools',
  'stalwart-mail-parser',
  'mailgun-flanker',
  'enmime',
  'postal-mime',
  'nodemailer-mailparser',
  'php-mime-mail-parser',
  'sisimai-set-of-emails',
  'mimekit',
  'mailgun-talon',
  'msgraph-docs-mail-samples',
];

/** Corpus files that are not email at all; normalising them must say so. */
const EXPECTED_MALFORMED: Record<string, string> = {
  'enmime/mail/erroneous.raw': 'the whole file is "// Not an RFC-822 Document"',
};

/** Raw message files: every .eml, enmime's .raw, php-mime-mail-parser's extension-less mails, mimekit's messages/*.txt. */
function isMessageFile(rel: string): boolean {
  if (rel.endsWith('.eml')) return true;
  if (rel.startsWith('enmime/') && rel.endsWith('.raw')) return true;
  if (/^php-mime-mail-parser\/(m\d+|issue\d+[a-z]?)$/.test(rel)) return true;
  // mimekit/mbox/*.txt are mbox archives (many messages), not one message each.
  return /^mimekit\/messages\/[^/]+\.txt$/.test(rel);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

const receivedAt = new Date('2026-01-01T00:00:00Z');
const mailbox = { address: 'owner@firmly.test', provider: 'gmail' } as const;

/** rel path → result, filled once in beforeAll. */
const results = new Map<string, NormalizedMessage>();
const summary: string[] = [];

function parsedOf(rel: string): MessageWithoutBodies {
  const result = results.get(rel);
  if (result === undefined) throw new Error(`${rel} is not in the corpus selection`);
  if (result.status !== 'ok') throw new Error(`${rel} is malformed: ${result.error}`);
  return result.parsed;
}

interface Comparison {
  id: string;
  ok: boolean;
  detail: string;
}

/** Fails on every mismatch not listed in `known`; records the pass rate for the summary line. */
function expectGroundTruth(label: string, comparisons: Comparison[], known: Record<string, string> = {}): void {
  const passed = comparisons.filter((c) => c.ok).length;
  summary.push(`${label} ${passed}/${comparisons.length}`);
  const unexpected = comparisons.filter((c) => !c.ok && !(c.id in known)).map((c) => `${c.id}: ${c.detail}`);
  expect(unexpected, label).toEqual([]);
  expect(comparisons.length, `${label}: nothing compared`).toBeGreaterThan(0);
}

const readJson = (rel: string): unknown => JSON.parse(readFileSync(path.join(corporaDir, rel), 'utf8'));
const collapse = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const show = (value: unknown) => JSON.stringify(value);

describe.skipIf(!exists)(
  exists ? `public MIME corpora (${corporaDir})` : 'public MIME corpora (skipped: FIRMLY_CORPORA_DIR not found)',
  () => {
    beforeAll(async () => {
      const files = listFiles(corporaDir)
        .map((full) => path.relative(corporaDir, full).split(path.sep).join('/'))
        .filter(isMessageFile)
        .sort();
      for (const rel of files) {
        results.set(
          rel,
          await normaliseProviderMessage(
            { providerMessageId: rel, providerThreadId: rel, receivedAt, labels: [], raw: readFileSync(path.join(corporaDir, rel)) },
            mailbox,
          ),
        );
      }
    }, 120_000);

    afterAll(() => {
      // One line, so a run shows the numbers without drowning the output.
      if (summary.length > 0) console.info(`[corpora] ${summary.join(' · ')}`);
    });

    it('normalises every message file without throwing; only non-emails come back malformed', () => {
      for (const folder of FOLDERS) {
        expect([...results.keys()].filter((rel) => rel.startsWith(`${folder}/`)).length, folder).toBeGreaterThan(0);
      }
      const malformed = [...results].filter(([, r]) => r.status === 'malformed').map(([rel]) => rel);
      summary.unshift(`${results.size} files, ${malformed.length} malformed`);
      expect(malformed).toEqual(Object.keys(EXPECTED_MALFORMED));
      for (const [rel, result] of results) {
        if (result.status === 'ok') expect(result.sentAt.getTime(), rel).not.toBeNaN();
      }
    });

    describe('imap_tools/expected.json (113 messages)', () => {
      interface ImapCase {
        file: string;
        expected: {
          subject: string;
          from_: string;
          to: string[];
          date: string;
          attachments: Array<{ filename: string; payload: { bytes_len: number } }>;
        };
      }
      const cases = () => (readJson('imap_tools/expected.json') as { cases: ImapCase[] }).cases;
      const relOf = (file: string) => path.posix.normalize(`imap_tools/${file}`);

      it('subjects', () => {
        expectGroundTruth(
          'imap_tools subject',
          cases().map((c) => {
            const ours = parsedOf(relOf(c.file)).subject;
            return {
              id: c.file,
              ok: collapse(ours) === collapse(c.expected.subject),
              detail: `${show(ours)} vs ${show(c.expected.subject)}`,
            };
          }),
          {
            '../mikel-mail/error_emails/invalid_subject_characters.eml': 'raw 8-bit subject: we decode "Formação", Python drops the bytes',
            '../mikel-mail/plain_emails/raw_email_incorrect_header.eml': 'Python gives up on the header block; we read it',
            '../mikel-mail/rfc2822/example13.eml': 'RFC 2822 A.6.3 obsolete syntax: Python gives up; we read the subject',
            'rfc2822/example14.eml': 'a whitespace-only folded line between words: we keep the space, Python drops it',
          },
        );
      });

      it('From addresses', () => {
        expectGroundTruth(
          'imap_tools from',
          cases().map((c) => {
            const ours = parsedOf(relOf(c.file)).from?.address ?? '';
            return { id: c.file, ok: ours === c.expected.from_.toLowerCase(), detail: `${show(ours)} vs ${show(c.expected.from_)}` };
          }),
          {
            '../mikel-mail/plain_emails/mix_caps_content_type.eml':
              '"From: Big Bug bb@bug.com": Python returns the whole text, we the address',
            '../mikel-mail/plain_emails/raw_email_incorrect_header.eml': 'Python gives up on the header block; we read it',
            '../mikel-mail/rfc2822/example10.eml': 'RFC 2822 A.5 comments inside the address: postal-mime cannot read it',
          },
        );
      });

      it('To addresses', () => {
        expectGroundTruth(
          'imap_tools to',
          cases().map((c) => {
            const ours = parsedOf(relOf(c.file)).to.map((a) => a.address);
            const expected = c.expected.to.map((a) => a.toLowerCase());
            return { id: c.file, ok: show(ours) === show(expected), detail: `${show(ours)} vs ${show(expected)}` };
          }),
          {
            '../mikel-mail/error_emails/missing_body.eml':
              'a malformed group "undisclosed-recipient:@mailman.enron.com;"; neither reading is an address',
            'mime_emails/raw_email11.eml': 'a bare "matmail" (no domain): we keep single-token addresses, Python drops them',
            '../mikel-mail/plain_emails/raw_email_incorrect_header.eml': 'Python gives up on the header block; we read it',
            'plain_emails/raw_email_with_at_display_name.eml':
              '"Mikel@Lindsaar <raasdnil@…>": an @ in a display name; Python splits it as an address',
            '../mikel-mail/rfc2822/example10.eml': 'RFC 2822 A.5 comments inside addresses: postal-mime loses one',
            '../mikel-mail/rfc2822/example11.eml': 'RFC 2822 A.6.1 "jdoe@test   . example" (spaces around a dot in the domain)',
          },
        );
      });

      it('dates (where imap_tools has one)', () => {
        expectGroundTruth(
          'imap_tools date',
          cases()
            .filter((c) => !c.expected.date.startsWith('1900-01-01'))
            .map((c) => {
              // imap_tools writes naive times for zone-less dates; those are UTC for us too.
              const expected = new Date(/(Z|[+-]\d\d:\d\d)$/.test(c.expected.date) ? c.expected.date : `${c.expected.date}Z`);
              const ours = parsedOf(relOf(c.file)).date;
              return { id: c.file, ok: ours?.getTime() === expected.getTime(), detail: `${ours?.toISOString()} vs ${c.expected.date}` };
            }),
          {
            '../mikel-mail/plain_emails/raw_email_bad_time.eml': 'year 3609: absurd by our policy (undefined, receivedAt is used)',
            '../mikel-mail/rfc2822/example04.eml': '1969: before our plausibility window (RFC example)',
            '../mikel-mail/rfc2822/example10.eml': '1969: before our plausibility window (RFC example)',
          },
        );
      });

      it('named attachments: present, with the decoded size', () => {
        const comparisons = cases().flatMap((c) =>
          c.expected.attachments
            .filter((a) => a.filename !== '')
            .map((a) => {
              const ours = parsedOf(relOf(c.file)).attachments.find((x) => x.name === a.filename);
              const expected = a.payload.bytes_len;
              // 7bit/8bit parts: postal-mime rebuilds line ends as LF (and ends with one), so
              // sizes may differ by about a byte per line; base64 parts match exactly.
              const ok = ours !== undefined && Math.abs(ours.size - expected) <= Math.max(1, expected / 32);
              return { id: `${c.file} ${a.filename}`, ok, detail: `${show(ours)} vs ${expected} bytes` };
            }),
        );
        expectGroundTruth('imap_tools attachments', comparisons, {
          'attachment_emails/attachment_message_rfc822.eml ForwardedMessage.eml':
            'a message/rfc822 part without Content-Disposition is shown inline (its text joins the body), not listed',
        });
      });
    });

    describe('php-mime-mail-parser/expected.json (21 messages)', () => {
      interface PhpCase {
        mid: string;
        subject: string;
        from_addresses: Array<{ address: string }>;
        attachments: Array<{ filename: string; size_bytes: number }>;
      }
      const cases = () => (readJson('php-mime-mail-parser/expected.json') as { cases: PhpCase[] }).cases;

      it('the Hungarian subjects: UTF-8 pangram (m0022) and ISO-8859-1 + ISO-8859-2 encoded words (m0023)', () => {
        const byId = new Map(cases().map((c) => [c.mid, c.subject]));
        expect(byId.get('m0022')).toBe('[PRJ-OTH] asdf  árvíztűrő tükörfúrógép');
        expect(parsedOf('php-mime-mail-parser/m0022').subject).toBe(byId.get('m0022'));
        expect(parsedOf('php-mime-mail-parser/m0023').subject).toBe(byId.get('m0023'));
      });

      it('subjects, From addresses and attachment sizes', () => {
        const all = cases();
        expectGroundTruth(
          'php subject',
          all.map((c) => {
            const ours = parsedOf(`php-mime-mail-parser/${c.mid}`).subject;
            return { id: c.mid, ok: ours === c.subject, detail: `${show(ours)} vs ${show(c.subject)}` };
          }),
        );
        expectGroundTruth(
          'php from',
          all.map((c) => {
            const ours = parsedOf(`php-mime-mail-parser/${c.mid}`).from?.address;
            const expected = c.from_addresses[0]?.address.toLowerCase();
            return { id: c.mid, ok: ours === expected, detail: `${show(ours)} vs ${show(expected)}` };
          }),
        );
        expectGroundTruth(
          'php attachments',
          all.flatMap((c) =>
            c.attachments.map((a) => {
              const ours = parsedOf(`php-mime-mail-parser/${c.mid}`).attachments.find((x) => x.name === a.filename);
              return { id: `${c.mid} ${a.filename}`, ok: ours?.size === a.size_bytes, detail: `${show(ours)} vs ${a.size_bytes} bytes` };
            }),
          ),
          {
            'm0014 HasenundFrösche.txt': 'an inline text/plain part with a file name: postal-mime makes it body text',
            'm0016 HasenundFrösche.txt': 'an inline text/plain part with a file name: postal-mime makes it body text',
            'm0020 noname1': 'PHP invents "noname1"; postal-mime re-encodes calendar parts (UTF-8, LF), so the size differs too',
          },
        );
      });

      it('issue212: the Polish Outlook auto-reply (windows-1250 subject) is an auto-reply', () => {
        expect(parsedOf('php-mime-mail-parser/issue212').autoReply).toEqual({
          isAutoReply: true,
          reason: 'subject: automatic reply (localised)',
        });
      });
    });

    it('stalwart-mail-parser parse trees: subjects and Message-IDs', () => {
      const subjects: Comparison[] = [];
      const messageIds: Comparison[] = [];
      for (const rel of [...results.keys()].filter((r) => r.startsWith('stalwart-mail-parser/'))) {
        const tree = readJson(rel.replace(/\.eml$/, '.json')) as { parts: Array<{ headers: Array<{ name: string; value: unknown }> }> };
        const headers = tree.parts[0]?.headers ?? [];
        const text = (name: string) => {
          const value = headers.find((h) => h.name === name)?.value;
          return typeof value === 'object' && value !== null && 'Text' in value ? String(value.Text) : undefined;
        };
        const parsed = parsedOf(rel);
        const subject = text('subject');
        if (subject !== undefined)
          subjects.push({
            id: rel,
            ok: collapse(parsed.subject) === collapse(subject),
            detail: `${show(parsed.subject)} vs ${show(subject)}`,
          });
        const messageId = text('message_id');
        if (messageId !== undefined)
          messageIds.push({ id: rel, ok: parsed.messageId === messageId, detail: `${show(parsed.messageId)} vs ${show(messageId)}` });
      }
      expectGroundTruth('stalwart subject', subjects);
      expectGroundTruth('stalwart message-id', messageIds);
    });

    it('nodemailer-mailparser/expected.json: the unicode subject, recipients and attachments of nodemailer.eml', () => {
      const parsed = parsedOf('nodemailer-mailparser/nodemailer.eml');
      expect(parsed.subject).toBe('Nodemailer is unicode friendly ✔ (1476358788189)');
      expect(parsed.to).toEqual([{ address: 'andris+123@kreata.ee', name: 'Andris Reinman' }, { address: 'andris.reinman@gmail.com' }]);
      expect(parsed.attachments).toHaveLength(4);
    });

    describe('sisimai-set-of-emails: the file-name prefix is the label', () => {
      const sisimai = () => [...results.keys()].filter((rel) => rel.startsWith('sisimai-set-of-emails/'));

      it('auto-replies (rfc3834), bounces (lhost-*, rhost-*, rfc3464) and feedback reports (arf) are auto-replies', () => {
        const machine = sisimai().filter((rel) => /\/bsd\/(rfc3834|lhost-|rhost-|rfc3464|arf)/.test(rel));
        expect(machine.length).toBeGreaterThanOrEqual(22);
        expectGroundTruth(
          'sisimai machine mail',
          machine.map((rel) => ({ id: rel, ok: parsedOf(rel).autoReply.isAutoReply, detail: show(parsedOf(rel).subject) })),
        );
      });

      it('the negative controls (not/) are not, except a mailbox-full notice that says Auto-Submitted', () => {
        const controls = sisimai().filter((rel) => rel.includes('/not/'));
        expect(controls.length).toBeGreaterThanOrEqual(3);
        // "not a bounce" in sisimai's sense (it is a Sisimai parser bug repro), but it is a
        // postmaster's automatic "email bounce notification" with Auto-Submitted: auto-replied:
        // for reply latency it is machine mail.
        const automatic = 'sisimai-set-of-emails/not/rb-issue-368-bug.eml';
        expect(parsedOf(automatic).autoReply).toEqual({ isAutoReply: true, reason: 'Auto-Submitted: auto-replied' });
        expectGroundTruth(
          'sisimai negative controls',
          controls
            .filter((rel) => rel !== automatic)
            .map((rel) => ({ id: rel, ok: !parsedOf(rel).autoReply.isAutoReply, detail: show(parsedOf(rel).autoReply) })),
        );
      });
    });

    it('mailgun-talon standard replies (people answering) are not auto-replies', () => {
      const replies = [...results.keys()].filter((rel) => rel.startsWith('mailgun-talon/standard_replies/'));
      expectGroundTruth(
        'talon human replies',
        replies.map((rel) => ({ id: rel, ok: !parsedOf(rel).autoReply.isAutoReply, detail: show(parsedOf(rel).autoReply) })),
      );
    });
  },
);
