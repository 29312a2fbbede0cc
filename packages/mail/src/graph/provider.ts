import type { MailProviderClient, OutgoingMime, SentReceipt, SyncRequest } from '../provider';
import type { GraphApi } from './api';
import { graphSync } from './sync';

/** Microsoft 365 behind the provider-neutral interface the workers use. */
export function graphProvider(api: GraphApi): MailProviderClient {
  return {
    provider: 'graph',
    sync: (request: SyncRequest) => graphSync(api, request),
    async send(message: OutgoingMime): Promise<SentReceipt> {
      // Raw MIME to sendMail keeps our own Message-ID and threading headers, so the
      // reply joins the client's conversation and can be found again in Sent.
      await api.sendMime(message.raw);
      return { providerMessageId: null, providerThreadId: message.providerThreadId ?? null };
    },
    async findSent(messageId: string): Promise<SentReceipt | null> {
      const found = await api.findByInternetMessageId(messageId);
      const hit = found.value[0];
      return hit?.id ? { providerMessageId: hit.id, providerThreadId: hit.conversationId ?? null } : null;
    },
  };
}
