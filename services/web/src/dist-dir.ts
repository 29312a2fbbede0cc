import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `pnpm build:web` writes the built page; the API serves it from here. */
export const WEB_DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
