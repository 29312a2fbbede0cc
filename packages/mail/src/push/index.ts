export * from './graph-notifications';
export * from './pubsub';
