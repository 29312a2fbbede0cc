import { defaultProcessors } from './processors/index';
import { runWorkerProcess } from './run';

await runWorkerProcess(defaultProcessors);
