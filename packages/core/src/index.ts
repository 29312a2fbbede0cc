export * from './analysis';
export * from './audit-canonical';
export * from './client-status';
export * from './clock';
export * from './escalation';
export * from './money';
export * from './outgoing-email-state';
export * from './payment-terms';
