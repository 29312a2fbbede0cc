import { encryptionKeysExpected, encryptionKeysSchema } from './encryption';
import { envVar } from './env';

/**
 * The variables each service reads. Every one is documented in README.md
 * ("Configuration"); a test keeps the two lists in step.
 */
const shared = {
  NODE_ENV: envVar.enumeration(['development', 'test', 'production'], 'development'),
  LOG_LEVEL: envVar.enumeration(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  REDIS_URL: envVar.url({ protocols: ['redis:', 'rediss:'], optional: true }),
  QUEUE_PREFIX: envVar.matching(/^[A-Za-z0-9_-]{1,40}$/, 'firmly', 'up to 40 letters, digits, _ or -'),
  FIRMLY_ENCRYPTION_KEY: envVar.secret(encryptionKeysSchema, encryptionKeysExpected),
  SHUTDOWN_TIMEOUT_MS: envVar.integer({ default: 25_000, min: 1_000, max: 600_000 }),
};

/** Separate api and worker processes must share one database, so they need DATABASE_URL. */
const requiredDatabase = {
  DATABASE_URL: envVar.url({
    protocols: ['postgres:', 'postgresql:'],
    expected: 'a postgres:// URL (separate api and worker processes share one database; `npm start` runs both on an embedded one)',
  }),
};

export const apiEnvSpec = {
  ...shared,
  ...requiredDatabase,
  HOST: envVar.string({ default: '127.0.0.1', expected: 'a host name or IP address to listen on' }),
  PORT: envVar.integer({ default: 3000, min: 0, max: 65_535 }),
};

export const workerEnvSpec = {
  ...shared,
  ...requiredDatabase,
  WORKER_CONCURRENCY: envVar.integer({ default: 4, min: 1, max: 256 }),
};

/** The all-in-one process runs both, plus the embedded PostgreSQL's data folder. */
export const allInOneEnvSpec = {
  ...apiEnvSpec,
  ...workerEnvSpec,
  DATABASE_URL: envVar.url({ protocols: ['postgres:', 'postgresql:'], optional: true }),
  /** Generated into FIRMLY_DATA_DIR on first start when unset; see all-in-one/local-secrets.ts. */
  FIRMLY_ENCRYPTION_KEY: envVar.secret(encryptionKeysSchema, encryptionKeysExpected),
  FIRMLY_DATA_DIR: envVar.string({ default: '.firmly', expected: 'a folder for embedded PostgreSQL data and local secrets' }),
};
