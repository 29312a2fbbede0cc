/**
 * V8 flags the worker process is started with (docker-compose.yml, the Dockerfile's
 * documented worker command, and `pnpm bench:sync`, which measures what production runs).
 *
 * Why: a back-fill allocates fast and keeps little (about 40 MB live after a full GC),
 * but with V8's defaults the young generation grows to 3 × 16 MB and the old generation
 * is let grow to several times the live set before the next full collection, so the
 * process sat at 300–340 MB while syncing. A 4 MB semi-space and a 50 % growing factor
 * keep it near 230 MB (30 % gave 205 MB but cost more CPU in collections than the back-fill
 * could spare once visible text is stripped at ingest), measured in docs/benchmarks.md. No
 * hard heap cap: a large thread must never become an out-of-memory crash.
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'] as const;
