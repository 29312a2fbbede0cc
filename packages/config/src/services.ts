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

/**
 * Mail providers. Base URLs default to the real services; tests, the demo and the
 * benchmarks point them at the sandbox, and national clouds at their own hosts.
 * A provider whose client id is unset cannot be connected through OAuth (a grant
 * imported through the API still needs the id and secret to refresh).
 */
const mail = {
  MAIL_BACKFILL_DAYS: envVar.integer({ default: 180, min: 1, max: 3650 }),
  GMAIL_API_URL: envVar.urlWithDefault('https://gmail.googleapis.com'),
  GMAIL_QUOTA_UNITS_PER_SECOND: envVar.integer({
    default: 250,
    min: 0,
    max: 100_000,
    expected: 'Gmail quota units per second per mailbox, more than 100 (Google: 250), or 0 for no client-side limit',
  }),
  GOOGLE_OAUTH_URL: envVar.urlWithDefault('https://accounts.google.com'),
  GOOGLE_CLIENT_ID: envVar.optionalString('the OAuth client id of the Google Cloud project'),
  GOOGLE_CLIENT_SECRET: envVar.optionalSecret('the OAuth client secret of the Google Cloud project'),
  GRAPH_API_URL: envVar.urlWithDefault('https://graph.microsoft.com'),
  MICROSOFT_LOGIN_URL: envVar.urlWithDefault('https://login.microsoftonline.com'),
  MICROSOFT_TENANT: envVar.matching(/^[A-Za-z0-9.-]+$/, 'common', 'common, organizations, consumers, or a tenant id or domain'),
  MICROSOFT_CLIENT_ID: envVar.optionalString('the application (client) id of the Entra app registration'),
  MICROSOFT_CLIENT_SECRET: envVar.optionalSecret('a client secret of the Entra app registration'),
  PUBLIC_URL: envVar.url({
    protocols: ['https:', 'http:'],
    optional: true,
    expected: 'the public base URL of the api (OAuth redirects and webhooks), e.g. https://firmly.example.com',
  }),
  GMAIL_PUBSUB_TOPIC: envVar.optionalString('a Pub/Sub topic name, projects/<project>/topics/<topic>'),
  GMAIL_PUSH_AUDIENCE: envVar.optionalString('the audience configured on the Pub/Sub push subscription'),
  GMAIL_PUSH_SERVICE_ACCOUNT: envVar.optionalString('the service account e-mail the push subscription authenticates as'),
  GOOGLE_OIDC_JWKS_URL: envVar.urlWithDefault('https://www.googleapis.com/oauth2/v3/certs'),
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
  ...mail,
  ...requiredDatabase,
  HOST: envVar.string({ default: '127.0.0.1', expected: 'a host name or IP address to listen on' }),
  PORT: envVar.integer({ default: 3000, min: 0, max: 65_535 }),
  CORS_ORIGINS: envVar.origins(),
  RATE_LIMIT_PER_MINUTE: envVar.integer({
    default: 600,
    min: 1,
    max: 1_000_000,
    expected: 'requests per minute per API key, session or address',
  }),
  METRICS_TOKEN: envVar.optionalSecret('a bearer token Prometheus sends to read /metrics, e.g. 32 random bytes in hex'),
};

export const workerEnvSpec = {
  ...shared,
  ...mail,
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
  /**
   * The demo (workspace `demo`, its owner, four clients and their mail on an in-process Gmail
   * sandbox), while no real provider is configured; `0` turns it off entirely.
   */
  FIRMLY_DEMO: envVar.boolean(true),
  FIRMLY_DATA_DIR: envVar.string({ default: '.firmly', expected: 'a folder for embedded PostgreSQL data and local secrets' }),
};
