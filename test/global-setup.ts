import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMigratedTemplate, dropDatabase, startTestServer } from '@firmly/db/testing/server';
import { defaultTestRedisUrl, redisReachable } from '@firmly/queue/testing';
import { ensureSandboxCertificateFile } from '@firmly/sandbox';
import type { TestProject } from 'vitest/node';

/**
 * Once per run: find (or start) PostgreSQL, migrate one template database that
 * every test file clones, and find Redis. Without Redis, Redis-mode tests report
 * themselves skipped by name — except in CI, where a missing Redis is a failure.
 */
export default async function setup(project: TestProject) {
  // The Graph sandbox serves TLS (the Graph client sends tokens only to https hosts).
  // Node reads NODE_EXTRA_CA_CERTS at start only, so the certificate is made here,
  // before vitest forks the workers that inherit this environment.
  const tlsDir = join(tmpdir(), 'firmly-sandbox-tls');
  await ensureSandboxCertificateFile(tlsDir);
  process.env.NODE_EXTRA_CA_CERTS = join(tlsDir, 'cert.pem');
  process.env.FIRMLY_SANDBOX_TLS_DIR = tlsDir;
  const server = await startTestServer();
  const template = await createMigratedTemplate(server.adminUrl);
  const redisUrl = process.env.FIRMLY_TEST_REDIS_URL || defaultTestRedisUrl;
  const redis = await redisReachable(redisUrl);
  if (!redis && process.env.CI === 'true') {
    throw new Error(`CI=true but no Redis answers at ${redisUrl}: Redis-mode tests may not be skipped in CI`);
  }
  if (server.embedded) process.stdout.write('[firmly] no PostgreSQL server reachable: running on an embedded one\n');
  if (!redis) process.stdout.write(`[firmly] no Redis at ${redisUrl}: Redis-mode tests will be reported as skipped\n`);
  project.provide('pgAdminUrl', server.adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgEmbedded', server.embedded);
  project.provide('redisUrl', redis ? redisUrl : null);
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
