import { inject } from 'vitest';
import type { QueueBackendConfig } from '../backend';
import { deleteKeysWithPrefix, uniqueQueuePrefix } from './index';

export interface BackendMode {
  /** Used in test names; a skipped Redis mode says why in its name. */
  readonly label: string;
  readonly available: boolean;
  config(databaseUrl: string): QueueBackendConfig;
  /** Removes what the mode left in a shared store (Redis keys); the test database is dropped anyway. */
  cleanup(): Promise<void>;
}

/**
 * Both queue modes, for tests that must behave the same on each. Redis mode is
 * unavailable only where no Redis answers (a laptop); global-setup fails the run in
 * CI instead, so there it always runs.
 */
export function backendModes(label: string): BackendMode[] {
  const redisUrl = inject('redisUrl');
  const prefix = uniqueQueuePrefix(label);
  return [
    { label: 'postgres', available: true, config: (databaseUrl) => ({ kind: 'postgres', databaseUrl }), cleanup: async () => undefined },
    {
      label: redisUrl ? 'redis' : 'redis (skipped: no Redis reachable)',
      available: redisUrl !== null,
      config: () => ({ kind: 'redis', redisUrl: redisUrl ?? '', prefix }),
      cleanup: () => (redisUrl ? deleteKeysWithPrefix(redisUrl, prefix) : Promise.resolve()),
    },
  ];
}
