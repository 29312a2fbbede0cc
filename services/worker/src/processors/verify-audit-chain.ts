import { type Database, verifyAuditChain } from '@firmly/db';
import type { JobData } from '@firmly/queue';
import type { Logger } from 'pino';

/**
 * Re-checks a workspace's audit hash chain. A break means someone edited or
 * removed records behind the application's back; it is logged as an error now and
 * becomes an operator alert with the alerts feature.
 */
export function verifyAuditChainJob(deps: { db: Database; log: Logger }) {
  return async (data: JobData<'maintenance', 'audit.verify-chain'>) => {
    const result = await verifyAuditChain(deps.db, data.workspaceId);
    if (!result.ok) deps.log.error({ workspaceId: data.workspaceId, ...result }, 'audit chain broken');
    return result;
  };
}
