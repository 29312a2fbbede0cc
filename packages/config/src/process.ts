import pino, { type DestinationStream, type Logger } from 'pino';
import { redactedLogPaths } from './redaction';

/** JSON logs with secrets redacted; to stdout unless a destination is given (tests read the lines). */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = { name: service, level, redact: { paths: redactedLogPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Runs `shutdown` once on SIGTERM or SIGINT, bounded by a deadline: when the
 * ordered drain takes longer, an unref'd timer exits with code 1 so an orchestrator
 * never waits on a wedged process. A second signal exits at once.
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>, options: { deadlineMs: number; log: Logger }): void {
  let started = false;
  const handle = (signal: NodeJS.Signals) => {
    if (started) {
      options.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    started = true;
    options.log.info({ signal, deadlineMs: options.deadlineMs }, 'shutting down');
    const force = setTimeout(() => {
      options.log.error({ deadlineMs: options.deadlineMs }, 'shutdown deadline passed: exiting');
      process.exit(1);
    }, options.deadlineMs);
    force.unref();
    shutdown(signal).then(
      () => {
        options.log.info('shut down cleanly');
        options.log.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        options.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
