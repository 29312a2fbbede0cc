export { type AppOptions, app } from './app';
export * from './errors';
export { readinessChecks } from './readiness';
export type { ReadinessCheck } from './routes/health';
export { buildServer, type RunningServer, startServer } from './server';
