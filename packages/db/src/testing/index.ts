export * from './server';
export * from './vitest';
