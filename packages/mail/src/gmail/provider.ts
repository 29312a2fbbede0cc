import type { MailProviderClient, OutgoingMime, PushRegistration, PushTarget, SentReceipt, SyncRequest } from '../provider';
import type { GmailApi } from './api';
import { gmailSync } from './sync';

/** Gmail behind the provider-neutral interface the workers use. */
export function gmailProvider(api: GmailApi): MailProviderClient {
  return {
    provider: 'gmail',
    async address() {
      const profile = await api.getProfile();
      if (!profile.emailAddress) throw new Error('the Gmail profile has no address');
      return profile.emailAddress.toLowerCase();
    },
    async registerPush(target: PushTarget): Promise<PushRegistration | null> {
      if (!target.gmailTopic) return null;
      const watch = await api.watch(target.gmailTopic);
      const expires = Number(watch.expiration ?? 0);
      // Google: call watch at least every 7 days, and recommends daily.
      const renewBy = new Date(Math.min(Date.now() + 86_400_000, expires || Date.now() + 86_400_000));
      return { externalId: target.gmailTopic, renewBy, created: true };
    },
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
