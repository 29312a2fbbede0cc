export * from './compose';
export * from './errors/index';
export * from './gmail/index';
export * from './graph/index';
export * from './model';
export * from './oauth/index';
export * from './provider';
export * from './push/index';
