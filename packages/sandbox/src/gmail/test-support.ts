import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';
import { googleOAuthEndpoints } from '../google-oauth/index';
import type { GmailSandboxOptions } from './options';
import { createGmailSandbox, type GmailSandbox } from './sandbox';

/** Shared by the Gmail sandbox tests: they drive the sandbox through the real googleapis client only. */
export const CLIENT = {
  clientId: 'firmly-test.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-firmly-test-secret',
  redirectUris: ['http://127.0.0.1:9/oauth/google/callback'],
};

export const ALICE = 'alice@firmly.test';
export const CLIENT_ADDRESS = 'bob@client.example';

export function startSandbox(options: GmailSandboxOptions = {}): Promise<GmailSandbox> {
  return createGmailSandbox({ oauthClients: [CLIENT], ...options });
}

export type OAuth2Client = InstanceType<typeof auth.OAuth2>;

/** google-auth-library's OAuth2 client with every endpoint moved to the sandbox (`endpoints` option). */
export function oauthClient(sandbox: GmailSandbox, extra: { forceRefreshOnFailure?: boolean } = {}): OAuth2Client {
  return new auth.OAuth2({
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    redirectUri: CLIENT.redirectUris[0],
    endpoints: googleOAuthEndpoints(sandbox.url),
    ...extra,
  });
}

/** A Gmail client for `address`, authorised by a refresh token the sandbox granted (consent without the browser). */
export function gmailFor(sandbox: GmailSandbox, address: string, scope?: string): { api: gmail_v1.Gmail; oauth: OAuth2Client } {
  const oauth = oauthClient(sandbox);
  oauth.setCredentials({ refresh_token: sandbox.admin.grant(address, scope) });
  // No automatic retries unless a test asks: a retried 429 or 5xx would hide what the sandbox answered.
  return { api: gmail({ version: 'v1', rootUrl: `${sandbox.url}/`, auth: oauth, retry: false }), oauth };
}

export interface Rfc822 {
  from?: string;
  to?: string;
  subject: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  date?: Date;
  body?: string;
  extraHeaders?: string[];
}

/** A plain-text RFC 5322 message with CRLF line ends. */
export function rfc822(m: Rfc822): string {
  const headers = [
    `From: ${m.from ?? CLIENT_ADDRESS}`,
    `To: ${m.to ?? ALICE}`,
    `Subject: ${m.subject}`,
    `Date: ${(m.date ?? new Date('2026-03-02T10:00:00Z')).toUTCString()}`,
    ...(m.messageId ? [`Message-ID: <${m.messageId}>`] : []),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    ...(m.extraHeaders ?? []),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${m.body ?? 'Hello.'}\r\n`;
}

/** The HTTP status, body and headers of a googleapis call that failed (GaxiosError), or a thrown error if it succeeded. */
export async function failure(call: Promise<unknown>): Promise<{ status: number; data: unknown; headers: Headers; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status?: number; message: string; response?: { data: unknown; headers: Headers } };
    if (e.response === undefined) throw error;
    return { status: e.status ?? 0, data: e.response.data, headers: e.response.headers, message: e.message };
  }
  throw new Error('expected the call to fail');
}

/** A controllable clock for the sandbox. */
export function manualClock(start = '2026-03-02T10:00:00Z') {
  let now = Date.parse(start);
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}
