import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxCertificate, ensureSandboxCertificateFile, readSandboxCertificate } from './certificate';

const run = promisify(execFile);

/**
 * The contract in one place: a certificate written before a process starts, named by
 * NODE_EXTRA_CA_CERTS, is trusted by that process's fetch for https://localhost and
 * https://127.0.0.1, and by nothing else. Proven in child processes, since the trust
 * store of this worker was fixed when it started.
 */
const probe = `
const https = require('node:https');
const { readFileSync } = require('node:fs');
const dir = process.argv[1];
const server = https.createServer({ cert: readFileSync(dir + '/cert.pem'), key: readFileSync(dir + '/key.pem') }, (q, r) => r.end('ok'));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const out = [];
  for (const host of ['localhost', '127.0.0.1']) {
    try { out.push(await (await fetch('https://' + host + ':' + port + '/')).text()); }
    catch (error) { out.push(error.cause?.code ?? error.message); }
  }
  console.log(out.join(' '));
  server.close();
});`;

describe('sandbox TLS certificate', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'firmly-tls-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('is trusted through NODE_EXTRA_CA_CERTS (set at start) for localhost and 127.0.0.1, and not without it', async () => {
    const dir = await tempDir();
    const files = await ensureSandboxCertificateFile(dir);
    const trusted = await run(process.execPath, ['-e', probe, dir], { env: { ...process.env, NODE_EXTRA_CA_CERTS: files.certPath } });
    expect(trusted.stdout.trim()).toBe('ok ok');
    const untrusted = await run(process.execPath, ['-e', probe, dir], { env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
    expect(untrusted.stdout.trim()).toBe('DEPTH_ZERO_SELF_SIGNED_CERT DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('reuses a usable pair, replaces a broken one, and never creates one when only reading', async () => {
    const dir = await tempDir();
    await expect(readSandboxCertificate(dir)).rejects.toThrow(/ensureSandboxCertificateFile/);
    const first = await ensureSandboxCertificateFile(dir);
    expect((await ensureSandboxCertificateFile(dir)).cert).toBe(first.cert);
    expect((await readSandboxCertificate(dir)).key).toBe(first.key);

    // A key that does not match the certificate (e.g. two writers raced) is not served.
    await writeFile(first.keyPath, (await createSandboxCertificate()).key);
    await expect(readSandboxCertificate(dir)).rejects.toThrow(/unusable/);
    const replaced = await ensureSandboxCertificateFile(dir);
    expect(replaced.cert).not.toBe(first.cert);
    expect(await readFile(replaced.certPath, 'utf8')).toBe(replaced.cert);
  });
});
