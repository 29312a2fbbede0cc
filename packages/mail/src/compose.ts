import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export interface ComposeInput {
  from: { address: string; name?: string };
  to: Array<{ address: string; name?: string }>;
  cc?: Array<{ address: string; name?: string }>;
  subject: string;
  text: string;
  html: string;
  /** Our own Message-ID (no angle brackets), fixed when the outbox row was written. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  date: Date;
  /** Files sent with it (the closing report's PDF); an image with a `contentId` is shown inline (`cid:`). */
  attachments?: ReadonlyArray<MailAttachment>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId?: string;
}

const bracket = (id: string) => `<${id.replace(/^<|>$/g, '')}>`;

/**
 * Builds the RFC 5322 bytes of an outgoing email: multipart/alternative (plain
 * text + HTML) — inside multipart/mixed when files are attached —, UTF-8, encoded words where needed, and the threading headers
 * that keep the reply in the client's thread. Names and subjects come from client
 * data, so header injection is the composer's problem, not the caller's: nodemailer
 * encodes them and strips CR/LF.
 */
export async function composeMime(input: ComposeInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from.name ? { name: input.from.name, address: input.from.address } : input.from.address,
    to: input.to.map((p) => (p.name ? { name: p.name, address: p.address } : p.address)),
    cc: (input.cc ?? []).map((p) => (p.name ? { name: p.name, address: p.address } : p.address)),
    subject: input.subject,
    text: input.text,
    html: input.html,
    messageId: bracket(input.messageId),
    ...(input.inReplyTo ? { inReplyTo: bracket(input.inReplyTo) } : {}),
    ...(input.references && input.references.length > 0 ? { references: input.references.map(bracket) } : {}),
    date: input.date,
    textEncoding: 'quoted-printable',
    ...(input.attachments && input.attachments.length > 0
      ? {
          attachments: input.attachments.map((file) => ({
            filename: file.filename,
            contentType: file.contentType,
            content: file.content,
            ...(file.contentId ? { cid: file.contentId } : {}),
          })),
        }
      : {}),
  });
  return composer.compile().build();
}

/** "Re: <subject>" unless the subject already starts with a reply prefix (EN or HU). */
export function replySubject(subject: string | null | undefined): string {
  const base = (subject ?? '').trim();
  return /^(re|vá|válasz)\s*:/i.test(base) ? base : `Re: ${base}`.trim();
}
