#!/usr/bin/env node
// The two commands of a fresh clone, `npm start` and `npm test`, with only Node.js
// installed. Plain JavaScript with no dependencies: it runs before anything is installed.
//
//   node scripts/bootstrap.mjs start   install if missing, then run api + workers (embedded defaults)
//   node scripts/bootstrap.mjs test    install if missing, typecheck, lint, then the whole vitest suite
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@12.4.2';
const mode = process.argv[2];

function fail(message) {
  process.stderr.write(`firmly: ${message}\n`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js >= 20.19 is required, this is ${process.versions.node}`);
if (mode !== 'start' && mode !== 'test') fail('usage: node scripts/bootstrap.mjs start|test');

/** The lockfile and every manifest decide what is installed; a stamp remembers the last install. */
function installFingerprint() {
  const hash = createHash('sha256');
  for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function ensureInstalled() {
  const stamp = join(root, 'node_modules', '.firmly-install');
  const fingerprint = installFingerprint();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  process.stdout.write('firmly: installing dependencies (pnpm install --frozen-lockfile)…\n');
  // pnpm through npx: nothing global is assumed, and the version is the pinned one.
  const status = run('npx', ['--yes', PNPM, 'install', '--frozen-lockfile'], { CI: process.env.CI ?? 'true' });
  if (status !== 0) fail('dependency install failed');
  writeFileSync(stamp, fingerprint);
}

/**
 * The operator's web page is served from services/web/dist: built when missing or when its
 * sources changed since the last build (a stamp of their contents, like the install's).
 */
function ensureWebBuilt() {
  const web = join(root, 'services', 'web');
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'dist' || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  visit(web);
  const fingerprint = hash.digest('hex');
  const stamp = join(web, 'dist', '.firmly-build');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  process.stdout.write('firmly: building the web page (vite build)…\n');
  if (run('npx', ['--yes', PNPM, '--filter', '@firmly/web', 'run', 'build']) !== 0) fail('building the web page failed');
  writeFileSync(stamp, fingerprint);
}

ensureInstalled();
ensureWebBuilt();

const bin = (name) => join(root, 'node_modules', '.bin', name);

if (mode === 'start') {
  // One process: register the TypeScript loader here and import the entry point, so
  // SIGTERM reaches firmly itself and its ordered shutdown runs.
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'services', 'all-in-one', 'src', 'main.ts')).href);
} else {
  const steps = [
    ['typecheck', 'npx', ['--yes', PNPM, 'run', 'typecheck']],
    ['lint', bin('biome'), ['check', '.']],
    ['tests', bin('vitest'), ['run', ...process.argv.slice(3)]],
  ];
  for (const [label, command, args] of steps) {
    process.stdout.write(`\nfirmly: ${label}\n`);
    const status = run(command, args);
    if (status !== 0) {
      process.stderr.write(`firmly: ${label} failed\n`);
      process.exit(status);
    }
  }
}
