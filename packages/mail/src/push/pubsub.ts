import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';

export interface PubSubVerifierOptions {
  /** Google's OIDC signing keys (https://www.googleapis.com/oauth2/v3/certs), or the sandbox's. */
  jwksUrl: string;
  /** The audience configured on the push subscription (usually the push endpoint URL). */
  audience: string;
  /** The service account the push subscription authenticates as. */
  serviceAccount: string;
}

export class PushRejected extends Error {
  override name = 'PushRejected';
}

const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

/**
 * Verifies the OIDC token Pub/Sub attaches to a push (issue 3: "before anything
 * else"): RS256 signature against Google's keys, issuer, audience, and that it was
 * issued to our service account with a verified email. The key set is cached and
 * refreshed by jose when an unknown key id appears.
 */
export function pubSubVerifier(options: PubSubVerifierOptions) {
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  return async (authorization: string | undefined): Promise<void> => {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new PushRejected('missing bearer token');
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: GOOGLE_ISSUERS, audience: options.audience, algorithms: ['RS256'] });
      if (payload.email !== options.serviceAccount || payload.email_verified !== true) {
        throw new PushRejected('token was not issued to the configured service account');
      }
    } catch (error) {
      if (error instanceof PushRejected) throw error;
      throw new PushRejected(`invalid token: ${(error as Error).message}`);
    }
  };
}

const pushBody = z.object({
  message: z.object({ data: z.string(), messageId: z.string().optional(), publishTime: z.string().optional() }),
  subscription: z.string().optional(),
});
const gmailNotification = z.object({ emailAddress: z.string(), historyId: z.union([z.string(), z.number()]).transform(String) });

/** The Gmail notification inside a Pub/Sub push: which mailbox changed, up to which historyId. */
export function parseGmailPush(body: unknown): { emailAddress: string; historyId: string } {
  const envelope = pushBody.parse(body);
  const decoded: unknown = JSON.parse(Buffer.from(envelope.message.data, 'base64').toString('utf8'));
  const parsed = gmailNotification.parse(decoded);
  return { emailAddress: parsed.emailAddress.toLowerCase(), historyId: parsed.historyId };
}
