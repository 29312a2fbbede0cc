import { buildServer, readinessChecks } from '@firmly/api';
import { createLogger } from '@firmly/config';
import { createPool } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { uniqueQueuePrefix } from '@firmly/queue/testing';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTcpProxy, type TcpProxy, targetOf, viaProxy } from './support/tcp-proxy';

const t = useTestDatabase();
const redisUrl = inject('redisUrl');
const log = createLogger('test', 'silent');

async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('liveness', () => {
  it('/healthz answers without touching any dependency', async () => {
    const app = buildServer({ logger: log, readiness: [{ name: 'postgres', check: async () => Promise.reject(new Error('down')) }] });
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    await app.close();
  });

  it('unknown routes get problem+json', async () => {
    const app = buildServer({ logger: log, readiness: [] });
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, title: 'Not Found' });
    await app.close();
  });
});

describe.skipIf(!redisUrl)(`readiness with queues on ${redisUrl ? 'Redis' : 'Redis (skipped: no Redis reachable)'}`, () => {
  let redisProxy: TcpProxy;
  let pgProxy: TcpProxy;
  let pool: pg.Pool;
  let queues: QueueBackend;
  let app: FastifyInstance;

  beforeAll(async () => {
    redisProxy = await startTcpProxy(targetOf(redisUrl ?? '', 6379));
    pgProxy = await startTcpProxy(targetOf(t.url, 5432));
    pool = createPool(viaProxy(t.url, pgProxy), { applicationName: 'firmly-test', max: 2 });
    queues = await createQueueBackend(
      { kind: 'redis', redisUrl: viaProxy(redisUrl ?? '', redisProxy), prefix: uniqueQueuePrefix('ready') },
      () => undefined,
    );
    app = buildServer({ logger: log, readiness: readinessChecks(pool, queues) });
  });
  afterAll(async () => {
    await app?.close();
    await queues?.close();
    await pool?.end();
    await redisProxy?.close();
    await pgProxy?.close();
  });

  const readyz = () => app.inject({ method: 'GET', url: '/readyz' });

  it('is ready when Postgres and Redis answer', async () => {
    const response = await readyz();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('answers 503 naming Redis while it is unreachable, and 200 again once it is back', async () => {
    await redisProxy.cut();
    await eventually(async () => {
      const response = await readyz();
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = response.json();
      expect(body.detail).toBe('not ready: redis unavailable');
      expect(body.checks.postgres).toBe('ok');
      expect(body.checks.redis).toMatch(/^down: /);
    });
    await redisProxy.restore();
    await eventually(async () => expect((await readyz()).statusCode).toBe(200));
  });

  it('answers 503 naming Postgres while it is unreachable, and 200 again once it is back', async () => {
    await pgProxy.cut();
    await eventually(async () => {
      const response = await readyz();
      expect(response.statusCode).toBe(503);
      expect(response.json().detail).toBe('not ready: postgres unavailable');
    });
    await pgProxy.restore();
    await eventually(async () => expect((await readyz()).statusCode).toBe(200));
  });
});

describe('readiness with queues on PostgreSQL (the embedded default)', () => {
  it('checks Postgres only, since it carries the queues too', async () => {
    const pool = createPool(t.url, { applicationName: 'firmly-test', max: 2 });
    const queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    const app = buildServer({ logger: log, readiness: readinessChecks(pool, queues) });
    try {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ready', checks: { postgres: 'ok' } });
    } finally {
      await app.close();
      await queues.close();
      await pool.end();
    }
  });
});
