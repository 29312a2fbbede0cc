export * from './encryption';
export * from './env';
export * from './hashing';
export * from './process';
export * from './redaction';
export * from './services';
