import type { FastifyInstance } from 'fastify';
import type { ClientRegistry } from './clients';
import type { AuthorizationCodes } from './codes';
import { GOOGLE_OAUTH_PATHS } from './paths';
import { isKnownScope } from './scopes';

export interface AuthorizeDeps {
  clients: ClientRegistry;
  codes: AuthorizationCodes;
  /** Whether the sandbox has a mailbox for this address. */
  userExists(address: string): boolean;
}

interface AuthorizeQuery {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  login_hint?: string;
  access_type?: string;
}

/**
 * GET /o/oauth2/v2/auth — Google's authorization endpoint, minus the human: the user
 * named by `login_hint` (required here) "consents" at once and the browser is sent
 * back with `code` and `state`.
 *
 * As at Google, a bad client or redirect_uri is answered here (nothing may be sent to
 * an unverified redirect_uri); other problems go back to the redirect_uri as `error`.
 * Stricter than Google, on purpose: `state` and an S256 `code_challenge` are required,
 * because firmly must always send them.
 */
export function registerAuthorize(app: FastifyInstance, deps: AuthorizeDeps): void {
  app.get<{ Querystring: AuthorizeQuery }>(GOOGLE_OAUTH_PATHS.authorize, async (request, reply) => {
    const q = request.query;
    const client = deps.clients.get(q.client_id);
    if (!client) return reply.code(401).send({ error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    if (!q.redirect_uri || !client.redirectUris.includes(q.redirect_uri)) {
      return reply.code(400).send({
        error: 'redirect_uri_mismatch',
        error_description: `The redirect URI in the request, ${q.redirect_uri ?? '(none)'}, does not match the ones authorized for the OAuth client.`,
      });
    }
    const back = (params: Record<string, string>) => {
      const target = new URL(q.redirect_uri ?? '');
      for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
      if (q.state !== undefined) target.searchParams.set('state', q.state);
      return reply.redirect(target.toString(), 302);
    };
    const fail = (error: string, description: string) => back({ error, error_description: description });

    if (q.response_type !== 'code') return fail('unsupported_response_type', `Invalid response_type: ${q.response_type ?? '(none)'}`);
    const scopes = (q.scope ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length === 0) return fail('invalid_request', 'Missing required parameter: scope');
    const unknown = scopes.find((s) => !isKnownScope(s));
    if (unknown) return fail('invalid_scope', `Some requested scopes were invalid: ${unknown}`);
    if (!q.state) return fail('invalid_request', 'The sandbox requires state (CSRF protection).');
    if (!q.code_challenge || q.code_challenge_method !== 'S256') {
      return fail('invalid_request', 'The sandbox requires PKCE: code_challenge with code_challenge_method=S256.');
    }
    if (!/^[A-Za-z0-9_-]{43,128}$/.test(q.code_challenge)) return fail('invalid_request', 'Invalid code_challenge.');
    if (!q.login_hint || !deps.userExists(q.login_hint)) {
      return fail('access_denied', 'The sandbox consents for the mailbox named in login_hint, which must exist.');
    }
    const scope = [...new Set(scopes)].join(' ');
    const code = deps.codes.issue({
      clientId: client.clientId,
      redirectUri: q.redirect_uri,
      user: q.login_hint.toLowerCase(),
      scope,
      codeChallenge: q.code_challenge,
      offline: q.access_type === 'offline',
    });
    return back({ code, scope });
  });
}
