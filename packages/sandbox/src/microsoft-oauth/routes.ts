import type { FastifyInstance, FastifyReply } from 'fastify';
import { AadError, aadError } from './errors';
import type { IdentityState } from './identity';

/**
 * The Microsoft identity platform v2.0 endpoints firmly's "connect Outlook" flow uses:
 *   GET  /{tenant}/oauth2/v2.0/authorize   (auth code + PKCE S256; auto-consents for login_hint)
 *   POST /{tenant}/oauth2/v2.0/token       (authorization_code, refresh_token; rotates refresh tokens)
 *   GET  /{tenant}/discovery/v2.0/keys     (JWKS of the id_token key)
 *   GET  /{tenant}/v2.0/.well-known/openid-configuration
 * `{tenant}` may be anything (common, organizations, a GUID). Client ids, secrets and
 * redirect URIs are not registered in the sandbox: any client is accepted, but a code
 * only redeems with the client_id and redirect_uri it was issued for.
 */
export interface IdentityRoutesOptions {
  identity: IdentityState;
  /** `https://localhost:PORT`, for issuer and endpoint URLs. */
  baseUrl: () => string;
  /** The sandbox clock, for error timestamps. */
  now: () => Date;
}

type Query = Record<string, string | undefined>;

/** The scope Microsoft reports back: resource scopes without the Graph prefix, OIDC scopes kept, offline_access dropped. */
function grantedScope(requested: string): string {
  return requested
    .split(/\s+/)
    .filter(Boolean)
    .filter((scope) => scope !== 'offline_access')
    .map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//i, ''))
    .join(' ');
}

function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return reply.redirect(url.toString(), 302);
}

export function registerIdentityRoutes(app: FastifyInstance, options: IdentityRoutesOptions): void {
  const { identity, now } = options;

  // The token endpoint takes a form body; Fastify parses only JSON and text by default.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get<{ Querystring: Query }>('/:tenant/oauth2/v2.0/authorize', async (request, reply) => {
    const q = request.query;
    // Without a trustworthy client and redirect URI Microsoft shows an error page instead of redirecting.
    if (!q.client_id)
      return reply.code(400).type('text/plain').send('AADSTS900144: The request body must contain the following parameter: client_id.');
    let redirectUri: URL;
    try {
      redirectUri = new URL(q.redirect_uri ?? '');
    } catch {
      return reply
        .code(400)
        .type('text/plain')
        .send('AADSTS50011: The redirect URI specified in the request is missing or not a valid absolute URI.');
    }
    if (!q.login_hint) {
      return reply
        .code(400)
        .type('text/plain')
        .send('The Graph sandbox signs in the user named by login_hint (there is no login page): add login_hint=<mailbox address>.');
    }
    const back = (error: string, aadsts: number, message: string) =>
      redirectWith(reply, redirectUri.toString(), {
        error,
        error_description: aadError(error, aadsts, message, now()).error_description,
        state: q.state,
      });
    if (q.response_type !== 'code') return back('unsupported_response_type', 700054, "response_type must be 'code' in the sandbox.");
    if (!q.scope) return back('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    if (!q.code_challenge || q.code_challenge_method !== 'S256') {
      return back('invalid_request', 9002325, 'Proof Key for Code Exchange (code_challenge with code_challenge_method=S256) is required.');
    }
    if (q.response_mode && q.response_mode !== 'query')
      return back('invalid_request', 900144, 'Only response_mode=query is supported by the sandbox.');
    const user = identity.user(q.login_hint);
    if (!user)
      return back(
        'invalid_request',
        50034,
        `The user account ${q.login_hint} does not exist in the sandbox tenant. Create it with admin.createUser.`,
      );
    if (q.prompt === 'none' && identity.needsConsent(user.address)) {
      return back(
        'consent_required',
        65001,
        'The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.',
      );
    }
    // The sandbox's "user" consents at once; this also clears a consent requirement set by admin.requireConsent.
    identity.consented(user.address);
    const code = identity.issueCode({
      clientId: q.client_id,
      // Compared verbatim at the token endpoint, like Microsoft does; URL.toString() would normalise it.
      redirectUri: q.redirect_uri ?? redirectUri.toString(),
      scope: q.scope,
      user: user.address,
      codeChallenge: q.code_challenge,
    });
    return redirectWith(reply, redirectUri.toString(), { code, state: q.state, session_state: user.id });
  });

  app.post<{ Body: Query | undefined }>('/:tenant/oauth2/v2.0/token', async (request, reply) => {
    const form = request.body ?? {};
    try {
      const required = (name: string): string => {
        const value = form[name];
        if (!value) throw new AadError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
        return value;
      };
      const clientId = required('client_id');
      const grantType = required('grant_type');
      if (grantType === 'authorization_code') {
        const code = identity.redeemCode(required('code'), clientId, required('redirect_uri'), required('code_verifier'));
        const grant = identity.grant(code.user, grantedScope(code.scope));
        const access = identity.tokens.issueAccessToken(grant);
        const offline = code.scope.split(/\s+/).includes('offline_access');
        const user = identity.user(code.user);
        const idToken =
          code.scope.split(/\s+/).includes('openid') && user
            ? await identity.signer.sign({
                audience: clientId,
                issuer: `${options.baseUrl()}/${identity.tenantId}/v2.0`,
                subject: user.id,
                tenantId: identity.tenantId,
                address: user.address,
                name: user.displayName,
                ttlS: 3600,
              })
            : undefined;
        return reply.header('Cache-Control', 'no-store').send({
          token_type: 'Bearer',
          scope: grant.scope,
          expires_in: access.expiresInS,
          ext_expires_in: access.expiresInS,
          access_token: access.accessToken,
          ...(offline ? { refresh_token: grant.refreshToken } : {}),
          ...(idToken ? { id_token: idToken } : {}),
        });
      }
      if (grantType === 'refresh_token') {
        const refreshToken = required('refresh_token');
        const grant = identity.grantForRefreshToken(refreshToken);
        if (grant && !grant.revoked && identity.needsConsent(grant.user)) {
          throw new AadError(
            'interaction_required',
            65001,
            'The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.',
          );
        }
        const refreshed = identity.tokens.refresh(refreshToken);
        if ('error' in refreshed) {
          throw new AadError(
            'invalid_grant',
            70000,
            grant?.revoked
              ? 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.'
              : "The provided value for the input parameter 'refresh_token' is not valid (unknown, or already rotated).",
          );
        }
        return reply.header('Cache-Control', 'no-store').send({
          token_type: 'Bearer',
          scope: refreshed.scope,
          expires_in: refreshed.expiresInS,
          ext_expires_in: refreshed.expiresInS,
          access_token: refreshed.accessToken,
          // Microsoft returns a new refresh token on every refresh; the old one stops working here.
          refresh_token: refreshed.refreshToken,
        });
      }
      throw new AadError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    } catch (error) {
      if (!(error instanceof AadError)) throw error;
      return reply
        .code(error.status)
        .header('Cache-Control', 'no-store')
        .send(aadError(error.error, error.aadsts, error.message, now()));
    }
  });

  app.get('/:tenant/discovery/v2.0/keys', async () => identity.signer.jwks());

  app.get<{ Params: { tenant: string } }>('/:tenant/v2.0/.well-known/openid-configuration', async (request) => {
    const base = `${options.baseUrl()}/${request.params.tenant}`;
    return {
      issuer: `${options.baseUrl()}/${identity.tenantId}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  });
}
