// Worker entry in plain JavaScript: Node 20 cannot start a worker on a .ts file, and
// `--import tsx` in a worker's execArgv is not applied to its entry module. So the
// TypeScript loader is registered here, then the real worker module is imported.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
