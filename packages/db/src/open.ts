import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded';

export interface DatabaseTarget {
  readonly url: string;
  readonly embedded: boolean;
  /** Stops the embedded server; a no-op for an external DATABASE_URL. */
  close(): Promise<void>;
}

/**
 * One code path for both cases: the rest of firmly only ever sees a PostgreSQL URL.
 * With DATABASE_URL unset, an embedded server is started in `dataDir`.
 */
export async function resolveDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  onLog?: (line: string) => void;
}): Promise<DatabaseTarget> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, close: async () => undefined };
  }
  const handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  return { url: handle.url, embedded: true, close: () => handle.stop() };
}
