import { gmail } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GMAIL_READONLY, GMAIL_SEND } from '../google-oauth/scopes';
import type { GmailSandbox } from './sandbox';
import { ALICE, CLIENT, failure, gmailFor, type OAuth2Client, oauthClient, rfc822, startSandbox } from './test-support';

/** Real time (id_tokens are checked against it) plus an offset the tests move to expire access tokens. */
let offsetMs = 0;
let sandbox: GmailSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: { now: () => Date.now() + offsetMs }, quotaUnitsPerSecond: Number.POSITIVE_INFINITY });
  sandbox.admin.createUser(ALICE);
});
afterAll(() => sandbox.close());

type AuthUrlOptions = NonNullable<Parameters<OAuth2Client['generateAuthUrl']>[0]>;

/** The browser leg: follow the consent URL once and read the redirect. */
async function consent(url: string): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function authUrl(oauth: OAuth2Client, overrides: Partial<AuthUrlOptions> = {}) {
  const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
  const url = oauth.generateAuthUrl({
    access_type: 'offline',
    scope: [GMAIL_READONLY, GMAIL_SEND, 'openid', 'email'],
    state: 'csrf-123',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as AuthUrlOptions['code_challenge_method'],
    login_hint: ALICE,
    ...overrides,
  });
  return { url, codeVerifier };
}

describe('authorization code flow (google-auth-library with `endpoints` pointed at the sandbox)', () => {
  it('consents for login_hint, exchanges code + PKCE verifier, and the tokens work against the Gmail API', async () => {
    const oauth = oauthClient(sandbox);
    const { url, codeVerifier } = await authUrl(oauth);
    expect(url.startsWith(`${sandbox.url}/o/oauth2/v2/auth?`)).toBe(true);
    const back = await consent(url);
    expect(`${back.origin}${back.pathname}`).toBe(CLIENT.redirectUris[0]);
    expect(back.searchParams.get('state')).toBe('csrf-123');
    const code = back.searchParams.get('code') ?? '';
    expect(code).toMatch(/^4\/0/);

    const { tokens } = await oauth.getToken({ code, codeVerifier });
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: `${GMAIL_READONLY} ${GMAIL_SEND} openid email` });
    expect(tokens.refresh_token).toMatch(/^rt-/);
    expect(tokens.expiry_date).toBeGreaterThan(Date.now() + 3500_000);
    // The id_token verifies against the sandbox's published certificates (oauth2FederatedSignonPemCertsUrl).
    const ticket = await oauth.verifyIdToken({ idToken: tokens.id_token ?? '', audience: CLIENT.clientId });
    expect(ticket.getPayload()).toMatchObject({ iss: 'https://accounts.google.com', email: ALICE, email_verified: true });

    oauth.setCredentials(tokens);
    const api = gmail({ version: 'v1', rootUrl: `${sandbox.url}/`, auth: oauth });
    expect((await api.users.getProfile({ userId: 'me' })).data.emailAddress).toBe(ALICE);

    // A code is good once.
    const reused = await failure(oauth.getToken({ code, codeVerifier }));
    expect(reused).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
  });

  it('refuses a wrong code_verifier, and a code issued for another redirect_uri', async () => {
    const oauth = oauthClient(sandbox);
    const { url } = await authUrl(oauth);
    const code = (await consent(url)).searchParams.get('code') ?? '';
    const wrong = await failure(oauth.getToken({ code, codeVerifier: 'x'.repeat(64) }));
    expect(wrong).toMatchObject({ status: 400, data: { error: 'invalid_grant', error_description: 'Invalid code verifier.' } });

    const again = await authUrl(oauth);
    const second = (await consent(again.url)).searchParams.get('code') ?? '';
    const elsewhere = await failure(
      oauth.getToken({ code: second, codeVerifier: again.codeVerifier, redirect_uri: 'http://127.0.0.1:9/other' }),
    );
    expect(elsewhere).toMatchObject({ status: 400, data: { error: 'redirect_uri_mismatch' } });
  });

  it('answers bad clients itself, and other errors at the redirect_uri with state', async () => {
    const oauth = oauthClient(sandbox);
    const { url } = await authUrl(oauth);
    const badClient = new URL(url);
    badClient.searchParams.set('client_id', 'nobody.apps.googleusercontent.com');
    expect((await fetch(badClient, { redirect: 'manual' })).status).toBe(401);
    const badRedirect = new URL(url);
    badRedirect.searchParams.set('redirect_uri', 'https://attacker.example/cb');
    expect((await fetch(badRedirect, { redirect: 'manual' })).status).toBe(400);

    const unknownUser = await consent((await authUrl(oauth, { login_hint: 'stranger@firmly.test' })).url);
    expect(Object.fromEntries(unknownUser.searchParams)).toMatchObject({ error: 'access_denied', state: 'csrf-123' });
    const noPkce = await consent(oauth.generateAuthUrl({ scope: GMAIL_READONLY, state: 's', login_hint: ALICE }));
    expect(noPkce.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('refresh tokens', () => {
  it('gets an access token from a refresh token, without rotating it', async () => {
    const { api, oauth } = gmailFor(sandbox, ALICE);
    const issued: { refresh_token?: string | null }[] = [];
    // Copied at emit time: google-auth-library adds the old refresh token to the same object afterwards.
    oauth.on('tokens', (tokens) => issued.push({ ...tokens }));
    const before = sandbox.admin.tokenIssuance(ALICE).refreshToken;
    expect((await api.users.getProfile({ userId: 'me' })).status).toBe(200);
    expect(sandbox.admin.tokenIssuance(ALICE).refreshToken).toBe(before + 1);
    expect(issued).toHaveLength(1);
    expect(issued[0]?.refresh_token).toBeUndefined();
  });

  it('401s an expired access token; a client with forceRefreshOnFailure refreshes and retries', async () => {
    const { api } = gmailFor(sandbox, ALICE);
    const resilient = oauthClient(sandbox, { forceRefreshOnFailure: true });
    resilient.setCredentials({ refresh_token: sandbox.admin.grant(ALICE) });
    const resilientApi = gmail({ version: 'v1', rootUrl: `${sandbox.url}/`, auth: resilient, retry: false });
    await api.users.getProfile({ userId: 'me' });
    await resilientApi.users.getProfile({ userId: 'me' });

    offsetMs += 3600_000; // past the 3599 s lifetime, on the sandbox's clock only
    try {
      const expired = await failure(api.users.getProfile({ userId: 'me' }));
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
      const before = sandbox.admin.tokenIssuance(ALICE).refreshToken;
      expect((await resilientApi.users.getProfile({ userId: 'me' })).status).toBe(200);
      expect(sandbox.admin.tokenIssuance(ALICE).refreshToken).toBe(before + 1);
    } finally {
      offsetMs = 0;
    }
  });
});

describe('revocation', () => {
  it('401s access tokens and invalid_grants refresh tokens after the user revokes access', async () => {
    const user = 'revoked@firmly.test';
    sandbox.admin.createUser(user);
    const { api, oauth } = gmailFor(sandbox, user);
    await api.users.getProfile({ userId: 'me' });
    sandbox.admin.revoke(user);

    const denied = await failure(api.users.getProfile({ userId: 'me' }));
    expect(denied.status).toBe(401);
    expect(denied.data).toEqual({
      error: {
        code: 401,
        message: expect.stringMatching(/^Request had invalid authentication credentials\./),
        errors: [
          { message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' },
        ],
        status: 'UNAUTHENTICATED',
      },
    });
    oauth.setCredentials({ refresh_token: oauth.credentials.refresh_token });
    const refresh = await failure(oauth.getAccessToken());
    expect(refresh).toMatchObject({
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
  });

  it('POST /revoke with an access token ends that grant only', async () => {
    const user = 'self-revoke@firmly.test';
    sandbox.admin.createUser(user);
    const first = gmailFor(sandbox, user);
    const second = gmailFor(sandbox, user);
    const token = (await first.oauth.getAccessToken()).token ?? '';
    expect((await first.oauth.revokeToken(token)).status).toBe(200);
    expect((await failure(first.api.users.getProfile({ userId: 'me' }))).status).toBe(401);
    expect((await second.api.users.getProfile({ userId: 'me' })).status).toBe(200);
    expect(await failure(first.oauth.revokeToken(token))).toMatchObject({ status: 400, data: { error: 'invalid_token' } });
  });

  it('401s a request without credentials, and 403s a scope the grant lacks', async () => {
    const anonymous = gmail({ version: 'v1', rootUrl: `${sandbox.url}/`, retry: false });
    const missing = await failure(anonymous.users.getProfile({ userId: 'me' }));
    expect(missing.status).toBe(401);
    expect(missing.data).toMatchObject({ error: { status: 'UNAUTHENTICATED', errors: [{ reason: 'required' }] } });

    const { api } = gmailFor(sandbox, ALICE, GMAIL_READONLY);
    const raw = Buffer.from(rfc822({ from: ALICE, to: 'x@client.example', subject: 'nope' })).toString('base64url');
    const forbidden = await failure(api.users.messages.send({ userId: 'me', requestBody: { raw } }));
    expect(forbidden).toMatchObject({ status: 403, data: { error: { errors: [{ reason: 'insufficientPermissions' }] } } });
  });
});
