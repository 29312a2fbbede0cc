import type { schema } from '@firmly/db';
import type { NormalisePool, NormalizedMessage, ProviderMessage } from '@firmly/mail';

type MailboxRow = typeof schema.mailboxes.$inferSelect;

/** Normalises a provider message for the mailbox it came from, on the parsing threads. */
export function normaliserFor(pool: NormalisePool) {
  return (message: ProviderMessage, mailbox: MailboxRow): Promise<NormalizedMessage> =>
    pool.normalise(message, { address: mailbox.address, provider: mailbox.provider });
}
