import { describe, expect, it } from 'vitest';
import { ConfigError, type EnvSpec, parseEnv } from './env';
import { apiEnvSpec, workerEnvSpec } from './services';

const key = `v1:${Buffer.alloc(32, 1).toString('base64')}`;
const valid = { DATABASE_URL: 'postgres://u:p@db:5432/firmly', FIRMLY_ENCRYPTION_KEY: key };

function problems(env: Record<string, string>, spec: EnvSpec = apiEnvSpec): string {
  try {
    parseEnv(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('service configuration', () => {
  it('applies defaults and coerces types', () => {
    const config = parseEnv(apiEnvSpec, valid);
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, LOG_LEVEL: 'info', REDIS_URL: undefined, QUEUE_PREFIX: 'firmly' });
    expect(config.FIRMLY_ENCRYPTION_KEY.current.version).toBe('v1');
    expect(parseEnv(apiEnvSpec, { ...valid, PORT: '8080' }).PORT).toBe(8080);
  });

  it('names the variable and the expected form', () => {
    expect(problems({ ...valid, PORT: 'eighty' })).toBe('PORT must be an integer from 0 to 65535 (got "eighty")');
    expect(problems({ ...valid, REDIS_URL: 'localhost:6379' })).toBe(
      'REDIS_URL must be a URL starting with redis:// or rediss:// (got "localhost:6379")',
    );
    expect(problems({ ...valid, LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL must be one of fatal, error, warn, info/);
  });

  it('reads CORS origins as a list, off when unset, and refuses anything that is not a bare origin', () => {
    expect(parseEnv(apiEnvSpec, valid).CORS_ORIGINS).toEqual([]);
    expect(parseEnv(apiEnvSpec, { ...valid, CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
    expect(problems({ ...valid, CORS_ORIGINS: 'https://a.example/console' })).toMatch(/^CORS_ORIGINS must be comma-separated origins/);
    expect(problems({ ...valid, CORS_ORIGINS: '*' })).toMatch(/^CORS_ORIGINS must be/);
    expect(problems({ ...valid, RATE_LIMIT_PER_MINUTE: '0' })).toMatch(/^RATE_LIMIT_PER_MINUTE must be requests per minute/);
  });

  it('requires a shared database for separate processes', () => {
    expect(problems({ FIRMLY_ENCRYPTION_KEY: key }, workerEnvSpec)).toMatch(/^DATABASE_URL must be set: a postgres:\/\/ URL/);
  });

  it('gives secrets no default and never echoes their value', () => {
    expect(problems({ DATABASE_URL: valid.DATABASE_URL })).toMatch(/^FIRMLY_ENCRYPTION_KEY must be set: /);
    const message = problems({ ...valid, FIRMLY_ENCRYPTION_KEY: 'v1:c2hvcnQ=' });
    expect(message).toMatch(/^FIRMLY_ENCRYPTION_KEY must be /);
    expect(message).not.toContain('c2hvcnQ=');
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv(apiEnvSpec, { ...valid, PORT: '' }).PORT).toBe(3000);
  });
});
