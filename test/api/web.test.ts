import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemDetails } from '../../services/api/src/plugins/problem';
import { webPage } from '../../services/api/src/plugins/web';

/**
 * How the API serves the operator's page (plugins/web.ts), on a small stand-in for a Vite
 * build: the page for a browser's navigation, 404 problems for everything that is API. The
 * real build in a real browser is test/browser/console.test.ts.
 */

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
let dist: string;
let app: FastifyInstance;

async function serving(distDir: string): Promise<FastifyInstance> {
  const fastify = Fastify();
  await fastify.register(problemDetails);
  fastify.get('/v1/session', async () => ({ ok: true }));
  await fastify.register(webPage, { distDir });
  await fastify.ready();
  return fastify;
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'firmly-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>firmly</title><div id="app"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  app = await serving(dist);
});

afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web page, served by the API', () => {
  it('answers / with index.html, never cached', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="app">');
  });

  it('answers a browser navigating to any page path with index.html (the page routes itself)', async () => {
    for (const url of ['/clients/5f0c8d1e-1111-4222-8333-444455556666', '/mailboxes', '/review/x?y=1']) {
      const response = await app.inject({ url, headers: HTML });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="app">');
    }
  });

  it('serves hashed assets for a year, immutable', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never answers the page for the API, its documents, metrics or admin tools', async () => {
    for (const url of ['/v1/nothing', '/v1', '/docs/nothing', '/metrics/x', '/admin/queues/x']) {
      const response = await app.inject({ url, headers: HTML });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
    // The API's own routes are untouched.
    expect((await app.inject({ url: '/v1/session', headers: HTML })).json()).toEqual({ ok: true });
  });

  it('answers 404 problem+json to a script asking for an unknown path, and to other methods', async () => {
    const script = await app.inject({ url: '/clients', headers: { accept: 'application/json' } });
    expect(script.statusCode).toBe(404);
    expect(script.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ method: 'POST', url: '/clients', headers: HTML })).statusCode).toBe(404);
  });

  it('never serves a dotfile lying in the build', async () => {
    const response = await app.inject({ url: '/.env' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('SECRET');
  });

  it('explains how to build the page when it is not built', async () => {
    const bare = await serving(join(dist, 'missing'));
    try {
      const response = await bare.inject({ url: '/' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ title: 'Web page not built', detail: expect.stringContaining('pnpm build:web') });
      expect((await bare.inject({ url: '/v1/nothing', headers: HTML })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
