export * from './audit';
export * from './client';
export * from './embedded';
export * from './health';
export * from './migrate';
export * from './open';
export * as schema from './schema/index';
