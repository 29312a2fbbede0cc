import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, securityHeaders } from './security';

/** What helmet's own middleware sets on a real Node response, for comparison. */
async function headersFromHelmet(): Promise<Record<string, string>> {
  const middleware = helmet(HELMET_OPTIONS);
  const server = createServer((request, response) => {
    response.setHeader('x-powered-by', 'something');
    middleware(request, response, () => response.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('security headers worked out once', () => {
  it('are exactly the headers helmet sets on a live response', async () => {
    const live = await headersFromHelmet();
    const once = Object.fromEntries(securityHeaders(HELMET_OPTIONS));
    const ignored = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    const helmetOnly = Object.fromEntries(Object.entries(live).filter(([name]) => !ignored.has(name)));
    expect(once).toEqual(helmetOnly);
    expect(once['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(once).not.toHaveProperty('x-powered-by');
  });

  it('refuse options that would need the request', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (_req, res) => String(res.statusCode)] } } }),
    ).toThrow();
  });
});
