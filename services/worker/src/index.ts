export { processorDeps } from './compose';
export { rendererForEdit } from './escalation/edit-renderer';
export { type OverrideSource, type SaveOverrideResult, saveTemplateOverride } from './escalation/template-overrides';
export { createMailRuntime, type MailRuntime } from './mail/providers';
export { WORKER_NODE_FLAGS } from './node-flags';
export { defaultProcessors, type ProcessorDeps } from './processors/index';
export { runWorkerProcess } from './run';
export { drainOrder, type Processors, scheduleRecurringJobs, startWorkers, type WorkerRuntime } from './runtime';
