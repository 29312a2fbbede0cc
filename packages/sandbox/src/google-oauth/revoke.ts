import type { FastifyInstance } from 'fastify';
import { formOf } from './form';
import type { GoogleGrants } from './grants';
import { GOOGLE_OAUTH_PATHS } from './paths';

/**
 * POST /revoke — Google's revocation endpoint (oauth2.googleapis.com/revoke). The token
 * (access or refresh) comes as `?token=` (google-auth-library's `revokeToken`) or in a
 * form body. Revoking either token ends the whole grant: the refresh token then gets
 * invalid_grant and the grant's access tokens 401.
 */
export function registerRevoke(app: FastifyInstance, grants: GoogleGrants): void {
  app.post<{ Querystring: { token?: string } }>(GOOGLE_OAUTH_PATHS.revoke, async (request, reply) => {
    const token = request.query.token ?? formOf(request.body).token;
    if (!token || !grants.revokeToken(token)) {
      return reply.code(400).send({ error: 'invalid_token', error_description: 'Token expired or revoked' });
    }
    return reply.send({});
  });
}
