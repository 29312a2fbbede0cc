/**
 * pino redact paths for anything that can carry a secret. Loggers in every service
 * use these, so a grant or key that slips into a log object comes out as [redacted].
 */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.refreshToken',
  '*.refresh_token',
  '*.accessToken',
  '*.access_token',
  '*.token',
  '*.apiKey',
  '*.grant',
  '*.encryptionKey',
  'config.FIRMLY_ENCRYPTION_KEY',
  'config.DATABASE_URL',
  'config.REDIS_URL',
];

/** A connection URL with its password replaced, safe to print ("postgres://u:***@h/db"). */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '[unparseable url]';
  }
}
