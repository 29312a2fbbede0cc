import type { MailProviderClient, OutgoingMime, SentReceipt, SyncRequest } from '../provider';
import type { GmailApi } from './api';
import { gmailSync } from './sync';

/** Gmail behind the provider-neutral interface the workers use. */
export function gmailProvider(api: GmailApi): MailProviderClient {
  return {
    provider: 'gmail',
    sync: (request: SyncRequest) => gmailSync(api, request),
    async send(message: OutgoingMime): Promise<SentReceipt> {
      const sent = await api.send(message.raw, message.providerThreadId);
      return { providerMessageId: sent.id ?? null, providerThreadId: sent.threadId ?? null };
    },
    async findSent(messageId: string): Promise<SentReceipt | null> {
      const found = await api.listMessages({ q: `rfc822msgid:${messageId}`, maxResults: 1 });
      const hit = found.messages?.[0];
      return hit?.id ? { providerMessageId: hit.id, providerThreadId: hit.threadId ?? null } : null;
    },
  };
}
