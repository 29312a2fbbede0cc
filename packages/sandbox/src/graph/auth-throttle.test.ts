import { createHash, randomBytes } from 'node:crypto';
import { ResponseType, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphSandbox, type GraphSandbox } from './server';
import { connectedMailbox, graphClient, refresh, skipWithoutTls, tokenRequest, trustedTls } from './test-support';

type Failure = { statusCode: number; code: string; headers?: Headers };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Failure) => error,
  );

describe.skipIf(skipWithoutTls)('Graph sandbox: identity, tokens and throttling', () => {
  let sandbox: GraphSandbox;

  beforeAll(async () => {
    sandbox = await createGraphSandbox({ tls: await trustedTls() });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('authorization code with PKCE, then refresh rotates the refresh token and the old one fails', async () => {
    const user = 'pkce@freelance.example';
    sandbox.admin.createUser(user);
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(`${sandbox.loginUrl}/common/oauth2/v2.0/authorize`);
    const redirectUri = 'http://127.0.0.1:3000/oauth/microsoft/callback';
    for (const [name, value] of Object.entries({
      client_id: 'firmly-test',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'offline_access openid email Mail.ReadWrite Mail.Send',
      state: 'st-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      login_hint: user,
    })) {
      authorize.searchParams.set(name, value);
    }
    const redirect = await fetch(authorize, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-1');

    const exchange = {
      grant_type: 'authorization_code',
      client_id: 'firmly-test',
      code: back.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
    };
    const wrongVerifier = await tokenRequest(sandbox, { ...exchange, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrongVerifier.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    // The sandbox consumes a code only on a successful redemption.
    const tokens = await tokenRequest(sandbox, { ...exchange, code_verifier: verifier });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'openid email Mail.ReadWrite Mail.Send' });
    expect(typeof tokens.body.id_token).toBe('string');
    const reused = await tokenRequest(sandbox, { ...exchange, code_verifier: verifier });
    expect(reused.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });

    const first = String(tokens.body.refresh_token);
    const rotated = await refresh(sandbox, first);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first);
    const old = await refresh(sandbox, first);
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({ error: 'invalid_grant', error_codes: [70000] });
    expect(String(old.body.error_description)).toMatch(/^AADSTS70000: /);

    const me = (await graphClient(sandbox, () => String(rotated.body.access_token))
      .api('/me')
      .get()) as User;
    expect(me.mail).toBe(user);

    // Consent withdrawn on the Microsoft side: interaction_required until /authorize again.
    sandbox.admin.requireConsent(user);
    const consent = await refresh(sandbox, String(rotated.body.refresh_token));
    expect(consent.status).toBe(400);
    expect(consent.body).toMatchObject({ error: 'interaction_required', error_codes: [65001] });
    expect(String(consent.body.error_description)).toMatch(/^AADSTS65001: The user or administrator has not consented/);
  });

  it('answers 401 InvalidAuthenticationToken after the grant is revoked, and refresh fails with invalid_grant', async () => {
    const user = 'revoked@freelance.example';
    const { accessToken, refreshToken } = await connectedMailbox(sandbox, user);
    const client = graphClient(sandbox, () => accessToken);
    expect(((await client.api('/me').get()) as User).mail).toBe(user);

    sandbox.admin.revoke(user);
    const error = await failure(client.api('/me/mailFolders/inbox/messages').get());
    expect(error).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
    expect((error as unknown as { message: string }).message).toBe('Access token has expired or is not yet valid.');
    const refreshed = await refresh(sandbox, refreshToken);
    expect(refreshed.body).toMatchObject({ error: 'invalid_grant', error_codes: [70000] });
  });

  it('throttles a 5th concurrent request with 429 and Retry-After; the client retries it after the wait', async () => {
    const user = 'busy@freelance.example';
    const { accessToken } = await connectedMailbox(sandbox, user);
    const client = graphClient(sandbox, () => accessToken);
    sandbox.admin.injectDelay({ ms: 400, count: 4, user });
    const noRetry = [new RetryHandlerOptions(0, 0)];
    const requests = Array.from({ length: 5 }, () =>
      client
        .api('/me/mailFolders/inbox/messages')
        .middlewareOptions(noRetry)
        .responseType(ResponseType.RAW)
        .get()
        .then((response: Response) => response),
    );
    const responses = await Promise.all(requests);
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const throttled = responses.find((response) => response.status === 429) as Response;
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(await throttled.json()).toMatchObject({ error: { code: 'ApplicationThrottled', message: expect.any(String) } });
    expect(sandbox.admin.stats(user)).toMatchObject({ requests: 5, throttled: 1, inFlight: 0 });

    // With the client's default RetryHandler the 429 is waited out (Retry-After) and retried.
    sandbox.admin.injectDelay({ ms: 300, count: 4, user });
    const retried = await Promise.all(Array.from({ length: 5 }, () => client.api('/me/mailFolders/inbox/messages').get()));
    expect(retried).toHaveLength(5);
    expect(sandbox.admin.stats(user).throttled).toBe(2);
  });

  it('injected faults answer with Graph errors the client surfaces', async () => {
    const user = 'faulty@freelance.example';
    const { accessToken } = await connectedMailbox(sandbox, user);
    const client = graphClient(sandbox, () => accessToken);
    sandbox.admin.injectFaults({ status: 500, count: 1, user, path: '/me/messages' });
    const error = await failure(client.api('/me/messages').get());
    expect(error).toMatchObject({ statusCode: 500, code: 'generalException' });
    expect(await client.api('/me/messages').get()).toMatchObject({ value: [] });
  });
});
