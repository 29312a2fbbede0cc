import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS } from '../services/worker/src/node-flags';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

interface Manifest {
  name: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
}

async function manifests(): Promise<Map<string, { dir: string; manifest: Manifest }>> {
  const found = new Map<string, { dir: string; manifest: Manifest }>();
  for (const group of ['packages', 'services']) {
    for (const entry of await readdir(join(root, group))) {
      const dir = join(root, group, entry);
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
      found.set(manifest.name, { dir, manifest });
    }
  }
  return found;
}

describe('the workspace', () => {
  it('has no dependency cycles between internal packages, and core depends on nothing', async () => {
    const all = await manifests();
    const internal = (m: Manifest) => Object.keys(m.dependencies ?? {}).filter((d) => all.has(d));
    expect(internal(all.get('@firmly/core')?.manifest ?? { name: '' })).toEqual([]);
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string, path: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) throw new Error(`cycle: ${[...path, name].join(' → ')}`);
      visiting.add(name);
      for (const dep of internal(all.get(name)?.manifest ?? { name })) visit(dep, [...path, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const name of all.keys()) visit(name, []);
  });

  it('exports TypeScript source through an exports map that resolves', async () => {
    for (const { dir, manifest } of (await manifests()).values()) {
      expect(manifest.exports, manifest.name).toBeDefined();
      for (const target of Object.values(manifest.exports ?? {})) {
        expect(target, manifest.name).toMatch(/^\.\/src\/.+\.ts$/);
        await expect(readFile(join(dir, target)), `${manifest.name} → ${target}`).resolves.toBeDefined();
      }
    }
  });

  it('copies every workspace manifest into the image before installing (frozen lockfile)', async () => {
    const dockerfile = await readFile(join(root, 'infra/docker/Dockerfile'), 'utf8');
    const members = [...(await manifests()).values()].map(({ dir }) => dir.slice(root.length)).concat('test');
    for (const member of members) expect(dockerfile, member).toContain(`COPY ${member}/package.json ${member}/`);
    const workspace = await readFile(join(root, 'pnpm-workspace.yaml'), 'utf8');
    if (workspace.includes('patchedDependencies:')) expect(dockerfile).toContain('COPY patches/ patches/');
  });

  it('starts the worker with its V8 flags everywhere it is launched, and node accepts them', async () => {
    const flags = [...WORKER_NODE_FLAGS];
    const compose = await readFile(join(root, 'docker-compose.yml'), 'utf8');
    const command = compose.match(/^\s*command: (\[.*"services\/worker\/src\/main\.ts"\])$/m)?.[1];
    expect(command, 'the worker command in docker-compose.yml').toBeDefined();
    expect(JSON.parse(command as string)).toEqual(['node', ...flags, '--import', 'tsx', 'services/worker/src/main.ts']);
    const dockerfile = await readFile(join(root, 'infra/docker/Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`worker:     node ${flags.join(' ')} --import tsx services/worker/src/main.ts`);
    // A flag this node does not know would stop the container at start.
    await expect(run(process.execPath, [...flags, '-e', '0'])).resolves.toBeDefined();
  });

  it('has a committed migration for every change to the drizzle schema', async () => {
    // drizzle-kit compares the schema with the last committed snapshot; on a copy, so
    // a missing migration shows up as a new file instead of being written into the repo.
    const out = await mkdtemp(join(tmpdir(), 'firmly-drift-'));
    try {
      await cp(join(root, 'packages/db/migrations'), out, { recursive: true });
      const before = (await readdir(out)).sort();
      const db = join(root, 'packages/db');
      const { stdout } = await run(
        join(db, 'node_modules/.bin/drizzle-kit'),
        ['generate', '--dialect', 'postgresql', '--schema', './src/schema/index.ts', '--out', out, '--casing', 'snake_case'],
        { cwd: db },
      );
      expect((await readdir(out)).sort(), stdout).toEqual(before);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
