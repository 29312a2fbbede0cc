export * from './authorize';
export * from './grant';
export * from './pkce';
export * from './providers';
export * from './state';
export * from './token-client';
export * from './token-manager';
