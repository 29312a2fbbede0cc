export { createGraphApi, type GraphApi, GraphApiError, type GraphApiOptions } from './api';
export { graphProvider } from './provider';
export { graphFolders, graphSync } from './sync';
