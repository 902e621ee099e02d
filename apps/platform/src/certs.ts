import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every service's host names in Compose and in the chart (release `mercato`), and loopback. */
export const DEV_HOSTS = [
  'localhost',
  'gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification', 'postgres', 'rabbitmq', 'redis',
  ...['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'].map((s) => `mercato-${s}`),
];

export interface DevCertificates {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/**
 * A local CA and one certificate signed by it for the given names (server and client use, so it
 * serves HTTPS and authenticates in mutual TLS), made with the openssl command: for trying TLS
 * on every hop, never for production (a shop's CA is its own, e.g. cert-manager's).
 * Writes ca.crt, ca.key, tls.crt, tls.key (keys 0600) into `dir`; refuses to overwrite.
 */
export interface DevCertificateOptions {
  /** Validity of the CA, in days (365). */
  days?: number;
  /** Validity of the certificate, in days (as the CA's); negative: expired. */
  leafDays?: number;
  /** Sign with this CA (made earlier) instead of a new one. */
  signWith?: DevCertificates;
  /** Name 127.0.0.1 too (true). */
  loopbackIp?: boolean;
}

export async function makeDevCertificates(dir: string, hosts: readonly string[] = DEV_HOSTS, opts: DevCertificateOptions = {}): Promise<DevCertificates> {
  const days = opts.days ?? 365;
  const leafDays = opts.leafDays ?? days;
  const ca = opts.signWith ? opts.signWith.ca : join(dir, 'ca.crt');
  if (await exists(join(dir, 'tls.crt'))) throw new Error(`${join(dir, 'tls.crt')} exists; remove ${dir} first to make new certificates`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const caKey = opts.signWith ? join(opts.signWith.dir, 'ca.key') : join(dir, 'ca.key');
  const key = join(dir, 'tls.key');
  const csr = join(dir, 'tls.csr');
  const cert = join(dir, 'tls.crt');
  const ext = join(dir, 'tls.ext');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  if (!opts.signWith) await run('openssl', ['req', '-x509', ...ec, '-keyout', caKey, '-out', ca, '-days', String(days), '-subj', '/CN=mercato development CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', '-new', ...ec, '-keyout', key, '-out', csr, '-subj', '/CN=mercato']);
  const names = hosts.map((h) => (/^[0-9.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).concat(opts.loopbackIp === false ? [] : ['IP:127.0.0.1']);
  await writeFile(ext, `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=${names.join(',')}\n`);
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-out', cert, '-days', String(leafDays), '-extfile', ext]);
  await Promise.all([rm(csr), rm(ext), rm(join(dir, 'ca.srl'), { force: true }), rm(join(dirname(ca), 'ca.srl'), { force: true })]);
  return { dir, ca, cert, key };
}
