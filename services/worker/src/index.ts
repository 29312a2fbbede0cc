export { defaultProcessors, type ProcessorDeps } from './processors/index';
export { runWorkerProcess } from './run';
export { drainOrder, type Processors, startWorkers, type WorkerRuntime } from './runtime';
