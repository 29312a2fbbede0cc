import type { Database } from '@firmly/db';
import { queueProcessor } from '@firmly/queue';
import type { Logger } from 'pino';
import type { Processors } from '../runtime';
import { verifyAuditChainJob } from './verify-audit-chain';

export interface ProcessorDeps {
  db: Database;
  log: Logger;
}

/** Every queue firmly processes, with its handlers; later features add theirs here. */
export function defaultProcessors(deps: ProcessorDeps): Processors {
  return {
    maintenance: queueProcessor('maintenance', { 'audit.verify-chain': verifyAuditChainJob(deps) }),
  };
}
