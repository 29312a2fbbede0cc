import { type Clock, systemClock } from '@firmly/core';
import type { Database } from '@firmly/db';
import { pubSubVerifier } from '@firmly/mail';
import type { QueueBackend } from '@firmly/queue';
import type { WebhookDeps } from './routes/webhooks';

/** Gmail push is on only when the push subscription's audience and service account are configured. */
export function webhookDeps(options: {
  db: Database;
  queues: QueueBackend;
  config: { GMAIL_PUSH_AUDIENCE: string | undefined; GMAIL_PUSH_SERVICE_ACCOUNT: string | undefined; GOOGLE_OIDC_JWKS_URL: string };
  clock?: Clock;
}): WebhookDeps {
  const { config } = options;
  return {
    db: options.db,
    queues: options.queues,
    clock: options.clock ?? systemClock,
    ...(config.GMAIL_PUSH_AUDIENCE && config.GMAIL_PUSH_SERVICE_ACCOUNT
      ? {
          verifyPubSub: pubSubVerifier({
            jwksUrl: config.GOOGLE_OIDC_JWKS_URL,
            audience: config.GMAIL_PUSH_AUDIENCE,
            serviceAccount: config.GMAIL_PUSH_SERVICE_ACCOUNT,
          }),
        }
      : {}),
  };
}
