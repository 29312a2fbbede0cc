import { fixedClock } from '@firmly/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigurationError, ReauthRequiredError, TransientAuthError } from '../errors';
import { createCodeVerifier, createPkcePair } from './pkce';
import { googleProvider, microsoftProvider, type ProviderConfig } from './providers';
import { classifyTokenError, createTokenClient, type TokenErrorInput } from './token-client';
import { startTokenEndpointDouble, type TokenEndpointDouble } from './token-endpoint-double';

const client = { clientId: 'client-1', clientSecret: 'secret-1', redirectUri: 'http://127.0.0.1:3000/oauth/callback' };
const now = new Date('2026-03-02T10:00:00.000Z');

describe('classifyTokenError', () => {
  const aad = (code: number, error = 'invalid_grant', extra: object = {}) => ({
    error,
    error_description: `AADSTS${code}: something.\r\nTrace ID: 1\r\nCorrelation ID: 2`,
    error_codes: [code],
    ...extra,
  });
  const table: Array<[string, Omit<TokenErrorInput, 'provider'>, 'reauth' | 'transient' | 'configuration']> = [
    ['network error', { networkError: true }, 'transient'],
    ['timeout', { networkError: true, timedOut: true }, 'transient'],
    ['no status', {}, 'transient'],
    ['429', { status: 429 }, 'transient'],
    ['408', { status: 408 }, 'transient'],
    ['500', { status: 500 }, 'transient'],
    ['503 HTML', { status: 503, body: '<html>down</html>' }, 'transient'],
    ['500 with invalid_grant body is still the server', { status: 500, body: { error: 'invalid_grant' } }, 'transient'],
    ['temporarily_unavailable', { status: 400, body: { error: 'temporarily_unavailable' } }, 'transient'],
    ['server_error', { status: 400, body: { error: 'server_error' } }, 'transient'],
    ['AADSTS90033 transient', { status: 400, body: aad(90033, 'invalid_request') }, 'transient'],
    ['AADSTS50196 loop', { status: 400, body: aad(50196, 'invalid_grant') }, 'transient'],
    [
      'Google invalid_grant',
      { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } },
      'reauth',
    ],
    ['Google invalid_rapt', { status: 400, body: { error: 'invalid_grant', error_subtype: 'invalid_rapt' } }, 'reauth'],
    ['Google admin_policy_enforced', { status: 400, body: { error: 'admin_policy_enforced' } }, 'reauth'],
    ['Microsoft invalid_grant AADSTS70008', { status: 400, body: aad(70008) }, 'reauth'],
    ['Microsoft AADSTS700082 expired refresh token', { status: 400, body: aad(700082) }, 'reauth'],
    ['Microsoft interaction_required AADSTS50076 MFA', { status: 400, body: aad(50076, 'interaction_required') }, 'reauth'],
    ['Microsoft AADSTS50079 MFA registration', { status: 400, body: aad(50079, 'interaction_required') }, 'reauth'],
    [
      'Microsoft consent_required AADSTS65001',
      { status: 400, body: aad(65001, 'invalid_grant', { suberror: 'consent_required' }) },
      'reauth',
    ],
    ['consent_required alone', { status: 400, body: { error: 'consent_required' } }, 'reauth'],
    [
      'AADSTS65001 only in the description',
      { status: 400, body: { error: 'invalid_request', error_description: 'AADSTS65001: no consent' } },
      'reauth',
    ],
    ['AADSTS50173 password changed', { status: 400, body: aad(50173) }, 'reauth'],
    ['AADSTS50057 account disabled', { status: 400, body: aad(50057) }, 'reauth'],
    ['Google invalid_client', { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } }, 'configuration'],
    ['Microsoft invalid_client AADSTS7000215', { status: 401, body: aad(7000215, 'invalid_client') }, 'configuration'],
    ['Microsoft expired secret AADSTS7000222', { status: 401, body: aad(7000222, 'invalid_client') }, 'configuration'],
    ['unauthorized_client', { status: 400, body: { error: 'unauthorized_client' } }, 'configuration'],
    ['AADSTS700016 app not in tenant', { status: 400, body: aad(700016, 'unauthorized_client') }, 'configuration'],
    ['redirect_uri_mismatch', { status: 400, body: { error: 'redirect_uri_mismatch' } }, 'configuration'],
    ['AADSTS50011 redirect URI', { status: 400, body: aad(50011, 'invalid_request') }, 'configuration'],
    ['invalid_scope', { status: 400, body: aad(70011, 'invalid_scope') }, 'configuration'],
    ['unsupported_grant_type', { status: 400, body: { error: 'unsupported_grant_type' } }, 'configuration'],
    ['404 wrong URL', { status: 404, body: 'Not Found' }, 'configuration'],
    ['302 redirect', { status: 302 }, 'configuration'],
    ['400 without a body', { status: 400 }, 'configuration'],
  ];

  it.each(table)('%s → %s', (_name, input, kind) => {
    for (const provider of ['gmail', 'graph'] as const) {
      const result = classifyTokenError({ provider, ...input });
      expect(result.kind).toBe(kind);
      expect(result.reason).not.toBe('');
    }
  });

  it('keeps the first line of the description and the code in the result', () => {
    const result = classifyTokenError({ provider: 'graph', status: 400, body: aad(700082) });
    expect(result).toEqual({ kind: 'reauth', code: 'invalid_grant', reason: 'HTTP 400: invalid_grant: AADSTS700082: something.' });
  });

  it('property: an overloaded or unreachable endpoint never reads as bad credentials', () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({
        error: fc.constantFrom('invalid_grant', 'invalid_client', 'interaction_required', 'x'),
        error_codes: fc.array(fc.nat()),
      }),
    );
    const status = fc.oneof(fc.constant(429), fc.constant(408), fc.integer({ min: 500, max: 599 }), fc.constant(undefined));
    fc.assert(
      fc.property(status, body, fc.constantFrom('gmail' as const, 'graph' as const), (s, b, provider) => {
        expect(classifyTokenError({ provider, status: s, body: b }).kind).toBe('transient');
        expect(classifyTokenError({ provider, status: 400, body: b, networkError: true }).kind).toBe('transient');
      }),
    );
  });

  it('property: any other status and body gives one of the three, never throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 499 }), fc.jsonValue(), (status, body) => {
        expect(['reauth', 'transient', 'configuration']).toContain(classifyTokenError({ provider: 'gmail', status, body }).kind);
      }),
    );
  });
});

describe.each(['google', 'microsoft'] as const)('token client against a %s-like token endpoint', (style) => {
  let endpoint: TokenEndpointDouble;
  let provider: ProviderConfig;
  const clock = fixedClock(now);
  const tokens = createTokenClient({ clock, timeoutMs: 5_000 });
  const impatient = createTokenClient({ clock, timeoutMs: 300 });

  beforeAll(async () => {
    endpoint = await startTokenEndpointDouble({ style, ...client });
    provider =
      style === 'google' ? googleProvider({ ...client, baseUrl: endpoint.url }) : microsoftProvider({ ...client, loginUrl: endpoint.url });
  });
  afterAll(() => endpoint.close());

  it('exchanges a code with its PKCE verifier', async () => {
    const pkce = createPkcePair();
    const code = endpoint.issueCode(pkce.codeChallenge, 'granted scopes');
    const set = await tokens.exchangeCode(provider, code, pkce.codeVerifier);
    expect(set.accessToken).toMatch(/^at-/);
    expect(set.refreshToken).toMatch(/^rt-/);
    expect(set.scope).toBe('granted scopes');
    expect(set.expiresAt).toEqual(new Date(now.getTime() + 3600_000));
    const request = endpoint.requests.at(-1);
    expect(request?.path).toBe(style === 'google' ? '/token' : '/common/oauth2/v2.0/token');
    expect(request?.params.get('redirect_uri')).toBe(client.redirectUri);
    expect(request?.params.get('scope')).toBe(style === 'google' ? null : 'offline_access User.Read Mail.ReadWrite Mail.Send');
  });

  it('a wrong verifier or a used code needs the flow again', async () => {
    const pkce = createPkcePair();
    const code = endpoint.issueCode(pkce.codeChallenge);
    await expect(tokens.exchangeCode(provider, code, createCodeVerifier())).rejects.toBeInstanceOf(ReauthRequiredError);
    await expect(tokens.exchangeCode(provider, code, pkce.codeVerifier)).rejects.toBeInstanceOf(ReauthRequiredError);
  });

  it(`refreshes, ${style === 'microsoft' ? 'rotating' : 'keeping'} the refresh token`, async () => {
    const refreshToken = endpoint.createGrant();
    const set = await tokens.refresh(provider, refreshToken);
    if (style === 'microsoft') {
      expect(set.refreshToken).not.toBe(refreshToken);
      await expect(tokens.refresh(provider, refreshToken)).rejects.toMatchObject({ name: 'ReauthRequiredError', code: 'invalid_grant' });
      await expect(tokens.refresh(provider, set.refreshToken)).resolves.toMatchObject({ accessToken: expect.any(String) });
    } else {
      expect(set.refreshToken).toBe(refreshToken);
      await expect(tokens.refresh(provider, refreshToken)).resolves.toMatchObject({ refreshToken });
    }
  });

  it('a revoked grant is invalid_grant → reauth', async () => {
    const refreshToken = endpoint.createGrant();
    endpoint.revoke(refreshToken);
    await expect(tokens.refresh(provider, refreshToken)).rejects.toBeInstanceOf(ReauthRequiredError);
  });

  it('429, 500, 503 HTML and an unreadable 200 are transient', async () => {
    const refreshToken = endpoint.createGrant();
    endpoint.failNext(
      { status: 429, headers: { 'retry-after': '1' }, body: { error: 'too_many_requests' } },
      { status: 500, body: { error: 'invalid_grant' } },
      { status: 503, body: '<html>maintenance</html>' },
      { status: 200, body: '<html>captive portal</html>' },
    );
    for (let i = 0; i < 4; i++) await expect(tokens.refresh(provider, refreshToken)).rejects.toBeInstanceOf(TransientAuthError);
    await expect(tokens.refresh(provider, refreshToken)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('a hanging endpoint times out, transiently', async () => {
    endpoint.failNext('hang');
    await expect(impatient.refresh(provider, endpoint.createGrant())).rejects.toMatchObject({
      name: 'TransientAuthError',
      message: 'token endpoint timed out',
    });
  });

  it('wrong client credentials are a configuration error', async () => {
    const wrong = { ...provider, clientSecret: 'nope' };
    await expect(tokens.refresh(wrong, endpoint.createGrant())).rejects.toBeInstanceOf(AuthConfigurationError);
  });

  it('reads expires_in given as a string, and assumes an hour when it is missing', async () => {
    endpoint.setExpiresIn('120');
    await expect(tokens.refresh(provider, endpoint.createGrant())).resolves.toMatchObject({ expiresAt: new Date(now.getTime() + 120_000) });
    endpoint.setExpiresIn(undefined);
    await expect(tokens.refresh(provider, endpoint.createGrant())).resolves.toMatchObject({
      expiresAt: new Date(now.getTime() + 3600_000),
    });
    endpoint.setExpiresIn(3600);
  });

  it('an exchange that returns no refresh token is a configuration error', async () => {
    endpoint.failNext({ status: 200, body: { access_token: 'at', expires_in: 3600, scope: 's' } });
    await expect(tokens.exchangeCode(provider, 'code', createCodeVerifier())).rejects.toBeInstanceOf(AuthConfigurationError);
  });
});

describe('token client without a server', () => {
  it('connection refused is transient', async () => {
    const endpoint = await startTokenEndpointDouble({ style: 'google', ...client });
    const provider = googleProvider({ ...client, baseUrl: endpoint.url });
    await endpoint.close();
    const tokens = createTokenClient({ clock: fixedClock(now), timeoutMs: 1000 });
    await expect(tokens.refresh(provider, 'rt')).rejects.toMatchObject({
      name: 'TransientAuthError',
      message: 'token endpoint unreachable',
    });
  });
});
