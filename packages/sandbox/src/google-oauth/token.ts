import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { GrantRecord } from '../oauth/tokens';
import type { ClientRegistry } from './clients';
import type { AuthorizationCodes } from './codes';
import { formOf } from './form';
import type { GoogleGrants } from './grants';
import { GOOGLE_ISSUER, type GoogleSigningKeys } from './keys';
import { GOOGLE_OAUTH_PATHS } from './paths';

export interface TokenDeps {
  clients: ClientRegistry;
  codes: AuthorizationCodes;
  grants: GoogleGrants;
  keys: GoogleSigningKeys;
  now(): number;
  /** Counts token-endpoint grants, so tests can see that a refresh happened. */
  onIssued?(grantType: 'authorization_code' | 'refresh_token', user: string): void;
}

/** The token endpoint's success body (oauth2.googleapis.com/token). */
export interface GoogleTokenResponse {
  access_token: string;
  expires_in: number;
  /** Only from an `access_type=offline` code exchange; a refresh never returns a new one (Google does not rotate). */
  refresh_token?: string;
  scope: string;
  token_type: 'Bearer';
  id_token?: string;
}

export interface GoogleOAuthError {
  error: string;
  error_description: string;
}

/**
 * POST /token — Google's token endpoint: `authorization_code` (with the PKCE verifier
 * checked against the S256 challenge) and `refresh_token`. Errors use Google's words
 * where firmly branches on them: a revoked or unknown refresh token is
 * 400 invalid_grant "Token has been expired or revoked.".
 */
export function registerToken(app: FastifyInstance, deps: TokenDeps): void {
  app.post(GOOGLE_OAUTH_PATHS.token, async (request, reply) => {
    // Token responses must not be cached (RFC 6749 §5.1); Google sends the same headers.
    reply.header('cache-control', 'no-cache, no-store, max-age=0, must-revalidate').header('pragma', 'no-cache');
    const form = formOf(request.body);
    const grantType = form.grant_type;
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      return oauthError(reply, 400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
    }
    const auth = deps.clients.authenticate(request.headers.authorization, form);
    if (!auth.ok) return oauthError(reply, 401, auth.error, auth.description);
    const clientId = auth.client.clientId;

    if (grantType === 'refresh_token') {
      if (!form.refresh_token) return oauthError(reply, 400, 'invalid_request', 'Missing required parameter: refresh_token');
      const refreshed = deps.grants.refresh(form.refresh_token, clientId);
      if (!refreshed.ok) {
        return refreshed.error === 'unauthorized_client'
          ? oauthError(reply, 401, 'unauthorized_client', 'Unauthorized')
          : oauthError(reply, 400, 'invalid_grant', 'Token has been expired or revoked.');
      }
      deps.onIssued?.('refresh_token', refreshed.grant.user);
      return reply.send(await tokenResponse(deps, refreshed.grant, refreshed, clientId, false));
    }

    if (!form.code) return oauthError(reply, 400, 'invalid_request', 'Missing required parameter: code');
    const code = deps.codes.consume(form.code);
    if (!code || code.clientId !== clientId) return oauthError(reply, 400, 'invalid_grant', 'Malformed auth code.');
    if (form.redirect_uri !== code.redirectUri) return oauthError(reply, 400, 'redirect_uri_mismatch', 'Bad Request');
    if (!form.code_verifier) return oauthError(reply, 400, 'invalid_grant', 'Missing code verifier.');
    if (createHash('sha256').update(form.code_verifier).digest('base64url') !== code.codeChallenge) {
      return oauthError(reply, 400, 'invalid_grant', 'Invalid code verifier.');
    }
    const grant = deps.grants.create(code.user, code.scope, clientId);
    deps.onIssued?.('authorization_code', grant.user);
    return reply.send(await tokenResponse(deps, grant, deps.grants.issueAccessToken(grant), clientId, code.offline));
  });
}

async function tokenResponse(
  deps: TokenDeps,
  grant: GrantRecord,
  issued: { accessToken: string; expiresInS: number },
  clientId: string,
  withRefreshToken: boolean,
): Promise<GoogleTokenResponse> {
  const body: GoogleTokenResponse = {
    access_token: issued.accessToken,
    expires_in: issued.expiresInS,
    scope: grant.scope,
    token_type: 'Bearer',
  };
  if (withRefreshToken) body.refresh_token = grant.refreshToken;
  if (grant.scope.split(' ').includes('openid')) body.id_token = await idToken(deps, grant.user, clientId);
  return body;
}

/** Google's id_token for the `openid` scope: who consented, signed with the published key. */
async function idToken(deps: TokenDeps, user: string, clientId: string): Promise<string> {
  const iat = Math.floor(deps.now() / 1000);
  return deps.keys.sign({
    iss: GOOGLE_ISSUER,
    azp: clientId,
    aud: clientId,
    sub: googleSubject(user),
    email: user,
    email_verified: true,
    iat,
    exp: iat + 3600,
  });
}

/** A stable numeric account id per address, shaped like Google's `sub`. */
export function googleSubject(address: string): string {
  const digest = createHash('sha256').update(address.toLowerCase()).digest();
  return `1${(digest.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0')}`;
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  const body: GoogleOAuthError = { error, error_description: description };
  return reply.code(status).send(body);
}
