export * from './compose';
export * from './gmail/index';
export * from './model';
export * from './provider';
export * from './graph/index';
export * from './push/index';
