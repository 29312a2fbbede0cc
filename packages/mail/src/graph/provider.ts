import type { MailProviderError } from '../errors/index';
import type { MailProviderClient, OutgoingMime, PushRegistration, PushTarget, SentReceipt, SyncRequest } from '../provider';
import type { GraphApi } from './api';
import { graphSync } from './sync';

/** Microsoft 365 behind the provider-neutral interface the workers use. */
export function graphProvider(api: GraphApi): MailProviderClient {
  return {
    provider: 'graph',
    async address() {
      const me = await api.me();
      const address = me.mail ?? me.userPrincipalName;
      if (!address) throw new Error('the Microsoft account has no mail address');
      return address.toLowerCase();
    },
    async registerPush(target: PushTarget, existing): Promise<PushRegistration | null> {
      if (!target.graphNotificationUrl || !target.graphLifecycleUrl || !target.clientState) return null;
      // Message subscriptions live at most 10,070 minutes; three days, renewed a day ahead.
      const expiration = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const renewBy = (expires: string) => new Date(new Date(expires).getTime() - 86_400_000);
      if (existing) {
        try {
          const renewed = await api.renewSubscription(existing.externalId, expiration);
          return { externalId: renewed.id, renewBy: renewBy(renewed.expirationDateTime), created: false };
        } catch (error) {
          // Removed by Microsoft (subscriptionRemoved, or expired): create a new one below.
          if ((error as MailProviderError).status !== 404) throw error;
        }
      }
      const created = await api.createSubscription({
        notificationUrl: target.graphNotificationUrl,
        lifecycleNotificationUrl: target.graphLifecycleUrl,
        clientState: target.clientState,
        expirationDateTime: expiration,
      });
      return { externalId: created.id, renewBy: renewBy(created.expirationDateTime), created: true };
    },
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
