/**
 * Test-only (imported by *.test.ts, never by the library): access to the labelled fixtures in test/fixtures/payments (JSON lines).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export function readJsonLines<T>(name: string): T[] {
  const file = path.join(repoRoot, 'test/fixtures/payments', name);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}
