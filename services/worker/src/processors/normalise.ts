import type { schema } from '@firmly/db';
import { type NormalizedMessage, normaliseProviderMessage, type ProviderMessage } from '@firmly/mail';

type MailboxRow = typeof schema.mailboxes.$inferSelect;

export function normaliseForMailbox(message: ProviderMessage, mailbox: MailboxRow): Promise<NormalizedMessage> {
  return normaliseProviderMessage(message, { address: mailbox.address, provider: mailbox.provider });
}
