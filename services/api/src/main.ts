import { apiEnvSpec, createLogger, loadEnvOrExit, onShutdownSignal } from '@firmly/config';
import { createDatabase, createPool, migrateDatabase } from '@firmly/db';
import { createQueueBackend, queueBackendConfig } from '@firmly/queue';
import { httpOptionsFrom } from './app';
import { mailboxDeps, publicUrlOf } from './mailbox-deps';
import { readinessChecks } from './readiness';
import { startServer } from './server';
import { webhookDeps } from './webhook-deps';

/** The api process on its own (production): a shared DATABASE_URL, queues on REDIS_URL or PostgreSQL. */
const config = loadEnvOrExit('firmly-api', apiEnvSpec);
const log = createLogger('firmly-api', config.LOG_LEVEL);

await migrateDatabase(config.DATABASE_URL);
const pool = createPool(config.DATABASE_URL, { applicationName: 'firmly-api' });
const queues = await createQueueBackend(
  queueBackendConfig({ redisUrl: config.REDIS_URL, databaseUrl: config.DATABASE_URL, prefix: config.QUEUE_PREFIX }),
  (err, source) => log.warn({ err, source }, 'queue store error'),
);
const db = createDatabase(pool);
const server = await startServer({
  host: config.HOST,
  port: config.PORT,
  logger: log,
  readiness: readinessChecks(pool, queues),
  webhooks: webhookDeps({ db, queues, config }),
  mailboxes: mailboxDeps({ db, queues, config, publicUrl: publicUrlOf(config) }),
  metricsToken: config.METRICS_TOKEN,
  http: httpOptionsFrom(config),
});
log.info({ url: server.url }, 'firmly api listening');

onShutdownSignal(
  async () => {
    await server.close();
    await queues.close();
    await pool.end();
  },
  { deadlineMs: config.SHUTDOWN_TIMEOUT_MS, log },
);
