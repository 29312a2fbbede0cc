import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateEncryptionKey } from '@firmly/config';

/**
 * The embedded default must start with nothing configured, yet secrets have no
 * defaults. So the first start generates this install's own encryption key into the
 * data folder (mode 0600) and reuses it afterwards; a set FIRMLY_ENCRYPTION_KEY wins.
 * Losing the file loses the stored OAuth grants, exactly as losing the key would.
 */
export async function ensureLocalEncryptionKey(dataDir: string, env: NodeJS.ProcessEnv): Promise<'configured' | 'loaded' | 'generated'> {
  if (env.FIRMLY_ENCRYPTION_KEY?.trim()) return 'configured';
  const file = resolve(dataDir, 'encryption-key');
  if (existsSync(file)) {
    env.FIRMLY_ENCRYPTION_KEY = (await readFile(file, 'utf8')).trim();
    return 'loaded';
  }
  await mkdir(dataDir, { recursive: true });
  const key = generateEncryptionKey('v1');
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  env.FIRMLY_ENCRYPTION_KEY = key;
  return 'generated';
}
