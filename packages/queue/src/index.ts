export * from './backend';
export * from './catalog';
export { postgresCoordination } from './coordination/postgres';
export { redisCoordination } from './coordination/redis';
export type { BudgetDecision, BudgetPolicy, Coordination, Lease, Leases, RateBudgets } from './coordination/types';
export { acquireSlot, waitForBudget } from './coordination/waiting';
export * from './processor';
export * from './producer';
export { createRedis } from './redis-connection';
