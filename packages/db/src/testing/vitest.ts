import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, createPool, type Database } from '../client';
import { cloneDatabase, databaseUrl, dropDatabase } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgEmbedded: boolean;
    redisUrl: string | null;
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  pool: ReturnType<typeof createPool>;
  db: Database;
}

/**
 * Gives the calling test file its own database, cloned from the migrated template
 * made once per run (test/global-setup.ts), and drops it afterwards. Files run in
 * parallel without seeing each other's rows. Use the returned object inside tests.
 */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    const adminUrl = inject('pgAdminUrl');
    handle.name = await cloneDatabase(adminUrl, inject('pgTemplate'));
    handle.url = databaseUrl(adminUrl, handle.name);
    handle.pool = createPool(handle.url, { applicationName: 'firmly-test', max: 5 });
    handle.db = createDatabase(handle.pool);
  });
  afterAll(async () => {
    await handle.pool?.end();
    if (handle.name) await dropDatabase(inject('pgAdminUrl'), handle.name);
  });
  return handle;
}
