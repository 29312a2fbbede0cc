export * from './audit';
export * from './client';
export * from './embedded';
export * from './health';
export * from './migrate';
export * from './open';
export * from './repos/ingest';
export * from './repos/mailboxes';
export * as schema from './schema/index';
