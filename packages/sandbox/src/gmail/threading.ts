import { notFound } from './errors';
import type { Mailbox } from './mailbox';
import { headerValue, type MimeEntity, messageIds } from './mime';
import { normaliseSubject } from './subject';

/**
 * Inbound mail joins a thread when it answers a message of this mailbox (In-Reply-To
 * or References name a stored Message-ID) and its subject still matches that thread's;
 * otherwise it starts a new thread, as Gmail does.
 */
export function threadForDelivery(mailbox: Mailbox, mime: MimeEntity): string | undefined {
  const subject = normaliseSubject(headerValue(mime.headers, 'subject'));
  const referenced = [
    ...messageIds(headerValue(mime.headers, 'in-reply-to')),
    ...messageIds(headerValue(mime.headers, 'references')).reverse(),
  ];
  for (const id of referenced) {
    const parent = mailbox.byMessageId(id);
    if (parent && mailbox.threadSubject(parent.threadId) === subject) return parent.threadId;
  }
  return undefined;
}

/**
 * messages.send joins `threadId` only when the subject matches the thread's (Message.threadId:
 * "the Subject headers must match"); a mismatch silently starts a new thread, which is
 * what firmly must detect from the returned threadId. An unknown threadId is a 404.
 * Google's rule also asks for RFC 2822 In-Reply-To/References; the sandbox does not
 * check them, so the tests assert that firmly's own headers survive the send.
 */
export function threadForSend(mailbox: Mailbox, requested: string | undefined | null, mime: MimeEntity): string | undefined {
  if (!requested) return undefined;
  if (!mailbox.hasThread(requested)) throw notFound();
  return mailbox.threadSubject(requested) === normaliseSubject(headerValue(mime.headers, 'subject')) ? requested : undefined;
}
