import { describe, expect, it } from 'vitest';
import { authorizationUrl } from './authorize';
import { codeChallengeS256, createCodeVerifier } from './pkce';
import { GMAIL_SCOPES, googleProvider, microsoftProvider, missingScopes } from './providers';

const client = { clientId: 'client-1', clientSecret: 'secret-1', redirectUri: 'http://127.0.0.1:3000/oauth/callback' };
const challenge = codeChallengeS256(createCodeVerifier());

describe('provider configuration', () => {
  it('Google: the real split endpoints by default, one base for a sandbox', () => {
    expect(googleProvider(client)).toMatchObject({
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      revokeUrl: 'https://oauth2.googleapis.com/revoke',
    });
    expect(googleProvider({ ...client, baseUrl: 'https://accounts.google.com/' }).tokenUrl).toBe('https://oauth2.googleapis.com/token');
    expect(googleProvider({ ...client, baseUrl: 'http://127.0.0.1:4010/' })).toMatchObject({
      authorizeUrl: 'http://127.0.0.1:4010/o/oauth2/v2/auth',
      tokenUrl: 'http://127.0.0.1:4010/token',
      revokeUrl: 'http://127.0.0.1:4010/revoke',
    });
  });

  it('Microsoft: tenant and national cloud in the path', () => {
    expect(microsoftProvider(client)).toMatchObject({
      authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    });
    expect(microsoftProvider({ ...client, loginUrl: 'https://login.microsoftonline.us', tenant: 'contoso.onmicrosoft.com' }).tokenUrl).toBe(
      'https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
    expect(microsoftProvider(client).revokeUrl).toBeUndefined();
    expect(() => microsoftProvider({ ...client, tenant: '../x' })).toThrow();
  });

  it('refuses missing credentials and bad URLs', () => {
    expect(() => googleProvider({ ...client, clientSecret: '' })).toThrow('clientSecret');
    expect(() => googleProvider({ ...client, redirectUri: '/callback' })).toThrow('redirectUri');
    expect(() => googleProvider({ ...client, baseUrl: 'ftp://x' })).toThrow();
  });

  it('tells which required scopes a grant lacks', () => {
    const google = googleProvider(client);
    expect(missingScopes(google, GMAIL_SCOPES.join(' '))).toEqual([]);
    expect(missingScopes(google, 'https://www.googleapis.com/auth/gmail.readonly openid')).toEqual([
      'https://www.googleapis.com/auth/gmail.send',
    ]);
    const microsoft = microsoftProvider(client);
    expect(missingScopes(microsoft, 'https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/Mail.Send User.Read')).toEqual(
      [],
    );
    expect(missingScopes(microsoft, 'mail.readwrite')).toEqual(['Mail.Send']);
  });
});

describe('authorizationUrl', () => {
  it('Google, through google-auth-library with its endpoint pointed at the sandbox', () => {
    const url = new URL(
      authorizationUrl(googleProvider({ ...client, baseUrl: 'http://127.0.0.1:4010' }), {
        state: 'v1.abc',
        codeChallenge: challenge,
        loginHint: 'me@example.com',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4010/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      redirect_uri: client.redirectUri,
      response_type: 'code',
      scope: GMAIL_SCOPES.join(' '),
      state: 'v1.abc',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      login_hint: 'me@example.com',
    });
  });

  it('Google, real endpoint, no login hint', () => {
    const url = new URL(authorizationUrl(googleProvider(client), { state: 's', codeChallenge: challenge }));
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(url.searchParams.has('login_hint')).toBe(false);
    expect(url.searchParams.has('client_secret')).toBe(false);
  });

  it('Microsoft, built directly', () => {
    const url = new URL(
      authorizationUrl(microsoftProvider({ ...client, loginUrl: 'http://127.0.0.1:4011', tenant: 'organizations' }), {
        state: 'v1.abc',
        codeChallenge: challenge,
        loginHint: 'me@contoso.com',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4011/organizations/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      response_type: 'code',
      redirect_uri: client.redirectUri,
      scope: 'offline_access User.Read Mail.ReadWrite Mail.Send',
      state: 'v1.abc',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      response_mode: 'query',
      prompt: 'select_account',
      login_hint: 'me@contoso.com',
    });
  });
});
