export { createGraphApi, describeGraphError, type GraphApi, type GraphApiOptions } from './api';
export { graphProvider } from './provider';
export { graphFolders, graphSync } from './sync';
