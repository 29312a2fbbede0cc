import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * TEST DOUBLE of Google's / Microsoft's OAuth token endpoint, for this package's unit
 * tests only (the project's sandbox in packages/sandbox is the full stand-in used by
 * integration tests). Answers POST …/token like the providers: PKCE-checked code
 * exchange, refresh with or without rotation (Microsoft rotates, Google does not; a
 * rotated-away refresh token then fails with invalid_grant), client authentication,
 * and scripted failures: any status/body, or a request left hanging.
 */
export type Failure = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export interface TokenEndpointDouble {
  /** `http://127.0.0.1:P` */
  readonly url: string;
  readonly style: 'google' | 'microsoft';
  /** Successful refreshes so far. */
  readonly refreshCount: number;
  readonly requests: ReadonlyArray<{ path: string; params: URLSearchParams }>;
  /** A grant as a user's consent would create it; returns its refresh token. */
  createGrant(scope?: string): string;
  /** An authorization code for `codeChallenge`, as the authorize endpoint would redirect with. */
  issueCode(codeChallenge: string, scope?: string): string;
  revoke(refreshToken: string): void;
  /** Makes the next requests fail, in order. */
  failNext(...failures: Failure[]): void;
  /** Delays every answer; widens the windows concurrency tests look at. */
  setDelay(ms: number): void;
  setExpiresIn(value: number | string | undefined): void;
  close(): Promise<void>;
}

export async function startTokenEndpointDouble(options: {
  style: 'google' | 'microsoft';
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<TokenEndpointDouble> {
  const rotate = options.style === 'microsoft';
  const grants = new Map<string, { scope: string }>();
  const codes = new Map<string, { challenge: string; scope: string }>();
  const failures: Failure[] = [];
  const requests: Array<{ path: string; params: URLSearchParams }> = [];
  let refreshCount = 0;
  let delayMs = 0;
  let expiresIn: number | string | undefined = 3600;
  const token = (prefix: string) => `${prefix}-${randomBytes(12).toString('base64url')}`;

  const invalidGrant =
    options.style === 'google'
      ? { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }
      : {
          error: 'invalid_grant',
          error_description: 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.',
          error_codes: [70008],
        };

  const issue = (scope: string, refreshToken?: string) => ({
    access_token: token('at'),
    token_type: 'Bearer',
    ...(expiresIn === undefined ? {} : { expires_in: expiresIn }),
    scope,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
  });

  function answer(params: URLSearchParams): { status: number; body: unknown } {
    if (params.get('client_id') !== options.clientId || params.get('client_secret') !== options.clientSecret) {
      return options.style === 'google'
        ? { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } }
        : {
            status: 401,
            body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] },
          };
    }
    if (params.get('grant_type') === 'authorization_code') {
      const entry = codes.get(params.get('code') ?? '');
      codes.delete(params.get('code') ?? '');
      if (params.get('redirect_uri') !== options.redirectUri) return { status: 400, body: { error: 'redirect_uri_mismatch' } };
      const verifier = params.get('code_verifier') ?? '';
      if (!entry || createHash('sha256').update(verifier).digest('base64url') !== entry.challenge) {
        return { status: 400, body: invalidGrant };
      }
      const refreshToken = token('rt');
      grants.set(refreshToken, { scope: entry.scope });
      return { status: 200, body: issue(entry.scope, refreshToken) };
    }
    if (params.get('grant_type') === 'refresh_token') {
      const old = params.get('refresh_token') ?? '';
      const grant = grants.get(old);
      if (!grant) return { status: 400, body: invalidGrant };
      refreshCount++;
      if (!rotate) return { status: 200, body: issue(grant.scope) };
      grants.delete(old);
      const next = token('rt');
      grants.set(next, grant);
      return { status: 200, body: issue(grant.scope, next) };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    requests.push({ path, params });
    const failure = failures.shift();
    if (failure === 'hang') return; // never answers; close() destroys the socket
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const { status, body, headers }: Exclude<Failure, 'hang'> =
      failure ?? (request.method === 'POST' && path.endsWith('/token') ? answer(params) : { status: 404, body: { error: 'not_found' } });
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
    response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers });
    response.end(text);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    style: options.style,
    get refreshCount() {
      return refreshCount;
    },
    requests,
    createGrant(scope = 'scope-a scope-b') {
      const refreshToken = token('rt');
      grants.set(refreshToken, { scope });
      return refreshToken;
    },
    issueCode(challenge, scope = 'scope-a scope-b') {
      const code = token('code');
      codes.set(code, { challenge, scope });
      return code;
    },
    revoke(refreshToken) {
      grants.delete(refreshToken);
    },
    failNext(...next) {
      failures.push(...next);
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setExpiresIn(value) {
      expiresIn = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
