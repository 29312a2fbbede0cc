import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/microsoft-graph-client';
import { readSandboxCertificate, type SandboxCertificate } from '../tls/certificate';
import type { GraphSandbox } from './server';

/**
 * Helpers for the Graph sandbox's own tests (not a test file).
 *
 * The certificate must be trusted from process start: the global setup (or the shell)
 * creates it with ensureSandboxCertificateFile(dir) and starts vitest with
 * NODE_EXTRA_CA_CERTS=<dir>/cert.pem and FIRMLY_SANDBOX_TLS_DIR=<dir>; workers inherit both.
 */
export const tlsDir = process.env.FIRMLY_SANDBOX_TLS_DIR || undefined;
/** Without the TLS setup the suite reports itself skipped, except in CI where that is a failure. */
export const skipWithoutTls = !tlsDir && process.env.CI !== 'true';

export async function trustedTls(): Promise<SandboxCertificate> {
  if (!tlsDir) throw new Error('FIRMLY_SANDBOX_TLS_DIR is not set: the global setup must create the sandbox certificate');
  const pair = await readSandboxCertificate(tlsDir);
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (!extra || !readFileSync(extra, 'utf8').includes(pair.cert.trim())) {
    throw new Error(`NODE_EXTRA_CA_CERTS must name ${pair.certPath} (set before the process starts)`);
  }
  return pair;
}

/** The real Graph client, pointed at the sandbox the way firmly's production code is. */
export function graphClient(sandbox: GraphSandbox, accessToken: () => string): Client {
  return Client.init({
    authProvider: (done) => done(null, accessToken()),
    baseUrl: `${sandbox.url}/`,
    customHosts: new Set(['localhost']),
    defaultVersion: 'v1.0',
  });
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: string;
  id_token?: string;
}

export async function tokenRequest(
  sandbox: GraphSandbox,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.loginUrl}/common/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function refresh(sandbox: GraphSandbox, refreshToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return tokenRequest(sandbox, { grant_type: 'refresh_token', client_id: 'firmly-test', refresh_token: refreshToken });
}

/** A mailbox with a consented grant and a fresh access token. */
export async function connectedMailbox(sandbox: GraphSandbox, address: string): Promise<{ accessToken: string; refreshToken: string }> {
  sandbox.admin.createUser(address);
  const { status, body } = await refresh(sandbox, sandbox.admin.grant(address));
  if (status !== 200) throw new Error(`token refresh failed: ${JSON.stringify(body)}`);
  return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token) };
}

let counter = 0;

export function mimeMessage(fields: {
  from: string;
  to: string;
  subject: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  date?: Date;
  text?: string;
}): { mime: Buffer; messageId: string } {
  const messageId = fields.messageId ?? `<test-${Date.now()}-${++counter}@client.example>`;
  const lines = [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    `Subject: ${fields.subject}`,
    `Date: ${(fields.date ?? new Date()).toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`] : []),
    ...(fields.references ? [`References: ${fields.references}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.text ?? 'Hello.',
    '',
  ];
  return { mime: Buffer.from(lines.join('\r\n')), messageId };
}

export interface ReceivedRequest {
  url: string;
  contentType: string | undefined;
  body: string;
}

/**
 * A plain-http endpoint like firmly's webhook: echoes validation tokens (or misbehaves
 * on demand) and records every POST.
 */
export async function notificationEndpoint(behaviour: 'echo' | 'refuse' | 'json-echo' = 'echo') {
  const received: ReceivedRequest[] = [];
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const server = createServer(async (request, response) => {
    const body = await read(request);
    received.push({ url: request.url ?? '', contentType: request.headers['content-type'], body });
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('validationToken');
    if (token !== null) {
      if (behaviour === 'refuse') return response.writeHead(403).end();
      if (behaviour === 'json-echo') return response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(token));
      return response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(token);
    }
    response.writeHead(202).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graph/notifications`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A clock the test moves. */
export function movableClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
