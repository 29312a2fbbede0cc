import { randomUUID } from 'node:crypto';

/**
 * The Microsoft identity platform's error body. firmly must key its handling on
 * `error` and `error_codes`, never on the description text, which carries trace lines.
 */
export interface AadErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export function aadError(error: string, aadsts: number, message: string, now: Date): AadErrorBody {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${aadsts}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
  };
}

/** Thrown by the token endpoint's handlers; always a 400, as Microsoft answers token errors. */
export class AadError extends Error {
  constructor(
    readonly error: string,
    readonly aadsts: number,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
