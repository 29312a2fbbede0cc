import type { auth } from '@googleapis/gmail';
import type { FastifyInstance } from 'fastify';
import { registerAuthorize } from './authorize';
import type { ClientRegistry } from './clients';
import type { AuthorizationCodes } from './codes';
import { acceptFormBodies } from './form';
import type { GoogleGrants } from './grants';
import type { GoogleSigningKeys } from './keys';
import { GOOGLE_OAUTH_PATHS } from './paths';
import { registerRevoke } from './revoke';
import { registerToken } from './token';

export { ClientRegistry, type GoogleOAuthClient } from './clients';
export { AuthorizationCodes } from './codes';
export { type GoogleAccessCheck, GoogleGrants } from './grants';
export { GOOGLE_ISSUER, GoogleSigningKeys } from './keys';
export { GMAIL_READONLY, GMAIL_SEND } from './scopes';
export { type GoogleOAuthError, type GoogleTokenResponse, googleSubject } from './token';

export { GOOGLE_OAUTH_PATHS };

/** google-auth-library's `OAuth2ClientOptions.endpoints`. */
export type OAuth2Endpoints = NonNullable<Exclude<ConstructorParameters<typeof auth.OAuth2>[0], string | undefined>['endpoints']>;

/** `new auth.OAuth2({ …, endpoints: googleOAuthEndpoints(base) })` points every OAuth call at `base`. */
export function googleOAuthEndpoints(baseUrl: string): OAuth2Endpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    oauth2AuthBaseUrl: base + GOOGLE_OAUTH_PATHS.authorize,
    oauth2TokenUrl: base + GOOGLE_OAUTH_PATHS.token,
    oauth2RevokeUrl: base + GOOGLE_OAUTH_PATHS.revoke,
    oauth2FederatedSignonJwkCertsUrl: base + GOOGLE_OAUTH_PATHS.jwks,
    oauth2FederatedSignonPemCertsUrl: base + GOOGLE_OAUTH_PATHS.pemCerts,
  };
}

export interface GoogleOAuthDeps {
  clients: ClientRegistry;
  codes: AuthorizationCodes;
  grants: GoogleGrants;
  keys: GoogleSigningKeys;
  userExists(address: string): boolean;
  now(): number;
  onIssued?(grantType: 'authorization_code' | 'refresh_token', user: string): void;
}

/** Mounts the authorization, token, revocation and certificate endpoints on `app`. */
export function registerGoogleOAuth(app: FastifyInstance, deps: GoogleOAuthDeps): void {
  acceptFormBodies(app);
  registerAuthorize(app, deps);
  registerToken(app, deps);
  registerRevoke(app, deps.grants);
  app.get(GOOGLE_OAUTH_PATHS.jwks, async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(deps.keys.jwks()));
  app.get(GOOGLE_OAUTH_PATHS.pemCerts, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send(deps.keys.pemCerts()),
  );
}
