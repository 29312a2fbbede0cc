import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The sandboxes speak HTTPS because the real Microsoft Graph client attaches the
 * bearer token only to `https://` URLs of Graph hosts or `customHosts`, and treats
 * an `@odata.nextLink` as absolute only when it starts with `https://`.
 *
 * Trust comes from `NODE_EXTRA_CA_CERTS`, which Node reads once at process start.
 * So the certificate must exist on disk before the processes that call the sandbox
 * start: the test global setup calls `ensureSandboxCertificateFile(dir)`, then the
 * workers are started with `NODE_EXTRA_CA_CERTS=<dir>/cert.pem` and
 * `FIRMLY_SANDBOX_TLS_DIR=<dir>`, and read the pair back with `readSandboxCertificate`.
 */
export interface SandboxCertificate {
  /** PEM certificate, self-signed, CN=localhost, SANs DNS:localhost and IP:127.0.0.1. */
  cert: string;
  /** PEM private key (PKCS#8). */
  key: string;
}

export interface SandboxCertificateFiles extends SandboxCertificate {
  certPath: string;
  keyPath: string;
}

export const CERT_FILE = 'cert.pem';
export const KEY_FILE = 'key.pem';

const DAY_MS = 86_400_000;
/** A reused certificate must stay valid at least this long, so a long test run never sees it expire. */
const MIN_REMAINING_MS = 7 * DAY_MS;

export async function createSandboxCertificate(): Promise<SandboxCertificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    // EC keys are generated in milliseconds; RSA-2048 would slow every start.
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // Back-dated a day so small clock differences between processes never make it "not yet valid".
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 365 * DAY_MS),
    extensions: [
      // A leaf, not a CA: trusted directly as an extra root through NODE_EXTRA_CA_CERTS.
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** True when the pair matches, covers localhost and 127.0.0.1, and stays valid long enough. */
function usable(pair: SandboxCertificate): boolean {
  try {
    const x509 = new X509Certificate(pair.cert);
    return (
      x509.checkPrivateKey(createPrivateKey(pair.key)) &&
      x509.checkHost('localhost') !== undefined &&
      x509.checkIP('127.0.0.1') !== undefined &&
      new Date(x509.validTo).getTime() - Date.now() > MIN_REMAINING_MS
    );
  } catch {
    return false;
  }
}

async function readPair(dir: string): Promise<SandboxCertificateFiles | undefined> {
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  try {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    return { cert, key, certPath, keyPath };
  } catch {
    return undefined;
  }
}

/** Writes through a temporary name and renames, so a reader never sees half a file. */
async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, path);
}

/**
 * Returns `<dir>/cert.pem` and `<dir>/key.pem`, creating them (and `dir`) unless a
 * usable pair is already there. Reusing keeps one certificate across runs, so a
 * shell that exported NODE_EXTRA_CA_CERTS earlier still trusts it.
 * Call it BEFORE starting the processes that must trust it.
 */
export async function ensureSandboxCertificateFile(dir: string): Promise<SandboxCertificateFiles> {
  const existing = await readPair(dir);
  if (existing && usable(existing)) return existing;
  await mkdir(dir, { recursive: true });
  const fresh = await createSandboxCertificate();
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  // Key first: a concurrent reader that sees the new cert with the old key fails `usable`
  // (checkPrivateKey) and, in `readSandboxCertificate`, reports it instead of serving a broken pair.
  await writeAtomically(keyPath, fresh.key, 0o600);
  await writeAtomically(certPath, fresh.cert, 0o644);
  return { ...fresh, certPath, keyPath };
}

/**
 * Reads the pair a global setup made; never creates one, because a certificate made
 * inside an already running process would not be trusted by it (NODE_EXTRA_CA_CERTS
 * is read only at start).
 */
export async function readSandboxCertificate(dir: string): Promise<SandboxCertificateFiles> {
  const pair = await readPair(dir);
  if (!pair) throw new Error(`no sandbox certificate in ${dir}: run ensureSandboxCertificateFile(dir) before starting this process`);
  if (!usable(pair)) throw new Error(`the sandbox certificate in ${dir} is unusable (key mismatch, wrong names or about to expire)`);
  return pair;
}
