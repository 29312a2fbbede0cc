import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { httpOptionsFrom, mailboxDeps, publicUrlOf, readinessChecks, startServer, webhookDeps } from '@firmly/api';
import { allInOneEnvSpec, createLogger, loadEnvOrExit, onShutdownSignal, redactUrl } from '@firmly/config';
import { createDatabase, createPool, issueOperatorApiKey, migrateDatabase, resolveDatabase } from '@firmly/db';
import { createQueueBackend, enqueue, queueBackendConfig } from '@firmly/queue';
import { precompileTemplates } from '@firmly/templates';
import { defaultProcessors, processorDeps, scheduleRecurringJobs, startWorkers } from '@firmly/worker';
import { pauseDemoMailbox, startDemoMailbox } from './demo-mailbox';
import { demoSignInLines } from './demo-sign-in';
import { DEMO_WORKSPACE_SLUG, ensureDemoWorkspace } from './demo-workspace';
import { ensureLocalEncryptionKey } from './local-secrets';

/**
 * `npm start`: the api and every worker in one process. With nothing configured it
 * runs on an embedded PostgreSQL in FIRMLY_DATA_DIR, which also carries the queues.
 */
const dataDir = resolve(process.env.FIRMLY_DATA_DIR?.trim() || '.firmly');
const keySource = await ensureLocalEncryptionKey(dataDir, process.env);
const config = loadEnvOrExit('firmly', allInOneEnvSpec);
const log = createLogger('firmly', config.LOG_LEVEL);
if (keySource === 'generated') log.info({ dataDir }, 'generated this install’s encryption key');

const database = await resolveDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir,
  onLog: (line) => log.debug({ component: 'embedded-postgres' }, line),
});
log.info({ database: redactUrl(database.url), embedded: database.embedded }, 'database ready');
await migrateDatabase(database.url);

const pool = createPool(database.url, { applicationName: 'firmly' });
const db = createDatabase(pool);

// The demo runs while no real provider is configured (and FIRMLY_DEMO is not 0): its
// workspace is seeded once, and its mailbox runs on an in-process Gmail sandbox.
const demoOn = config.FIRMLY_DEMO && !config.GOOGLE_CLIENT_ID && !config.MICROSOFT_CLIENT_ID;
const demo = demoOn ? await ensureDemoWorkspace(db, new Date()) : undefined;
const demoKeyFile = resolve(dataDir, 'demo-api-key');
if (demo?.created) {
  // The demo operator's key is shown once and kept beside the data (0600), like the encryption key.
  const issued = await issueOperatorApiKey(db, {
    workspaceSlug: DEMO_WORKSPACE_SLUG,
    operatorEmail: demo.owner.email,
    keyName: 'demo',
    now: new Date(),
  });
  await writeFile(demoKeyFile, `${issued.token}\n`, { mode: 0o600 });
  log.info({ workspaceId: demo.workspaceId }, 'created the demo workspace');
}
const demoSandbox = demo
  ? await startDemoMailbox({ db, keys: config.FIRMLY_ENCRYPTION_KEY, workspaceId: demo.workspaceId, anchor: demo.anchor })
  : undefined;
if (!demoOn && (await pauseDemoMailbox(db))) log.info('the demo is off: paused the demo workspace’s sandbox mailbox');
const mailConfig = { ...config, ...(demoSandbox?.settings ?? {}) };

const queues = await createQueueBackend(
  queueBackendConfig({ redisUrl: config.REDIS_URL, databaseUrl: database.url, prefix: config.QUEUE_PREFIX }),
  (err, source) => log.warn({ err, source }, 'queue store error'),
);
await precompileTemplates();
const workers = startWorkers({
  backend: queues,
  processors: defaultProcessors(processorDeps({ config: mailConfig, db, queues, log })),
  concurrency: config.WORKER_CONCURRENCY,
  log,
});
// Armed before anything else is awaited: jobs start the moment the workers do.
let server: Awaited<ReturnType<typeof startServer>> | undefined;
onShutdownSignal(
  async () => {
    await server?.close();
    await workers.drain(Math.max(500, config.SHUTDOWN_TIMEOUT_MS - 5_000));
    await queues.close();
    await pool.end();
    await demoSandbox?.sandbox.close();
    await database.close();
  },
  { deadlineMs: config.SHUTDOWN_TIMEOUT_MS, log },
);

await scheduleRecurringJobs(queues);
if (demo && demoSandbox) {
  await enqueue(
    queues,
    'sync',
    'mailbox.sync',
    { workspaceId: demo.workspaceId, mailboxId: demoSandbox.mailboxId, reason: 'manual' },
    { deduplicationId: `sync-${demoSandbox.mailboxId}` },
  );
}
server = await startServer({
  host: config.HOST,
  port: config.PORT,
  logger: log,
  readiness: readinessChecks(pool, queues),
  webhooks: webhookDeps({ db, queues, config }),
  mailboxes: mailboxDeps({ db, queues, config: mailConfig, publicUrl: publicUrlOf(config) }),
  metricsToken: config.METRICS_TOKEN,
  http: httpOptionsFrom(config),
});

log.info({ url: server.url, queues: queues.kind }, 'firmly is running');
process.stdout.write(`\nfirmly is running at ${server.url}  (readiness: ${server.url}/readyz)\n`);
if (demo) {
  for (const line of demoSignInLines(server.url, demo)) process.stdout.write(`${line}\n`);
  if (existsSync(demoKeyFile)) process.stdout.write(`demo workspace API key: ${demoKeyFile}\n`);
}
process.stdout.write('\n');
