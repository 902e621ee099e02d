import { readFileSync } from 'node:fs';
import type { SecureContextOptions } from 'node:tls';
import { Type } from '@sinclair/typebox';
import { rootCertificates } from 'node:tls';
import { Agent, setGlobalDispatcher } from 'undici';
import { ConfigError, loadConfig } from '../config/config.js';

/**
 * TLS on the internal hops, from four variables every service and the gateway read:
 * TLS_CERT_FILE and TLS_KEY_FILE (this process's certificate: it serves HTTPS with it, and
 * presents it as a client certificate), TLS_CA_FILE (the shop's CA: the only one trusted for
 * internal calls, the broker and Redis), TLS_CLIENT_AUTH (`require`: callers must present a
 * certificate signed by that CA — mutual TLS; /healthz and /readyz stay open for probes).
 * PostgreSQL takes its TLS from its URL (`sslmode=verify-full&sslrootcert=…`).
 */
const tlsConfigSchema = Type.Object(
  {
    TLS_CERT_FILE: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'a PEM certificate file (with TLS_KEY_FILE): serve HTTPS' })),
    TLS_KEY_FILE: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'the PEM private key file of TLS_CERT_FILE' })),
    TLS_CA_FILE: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: "a PEM file of the shop's CA, trusted for internal calls, the broker and Redis" })),
    TLS_CLIENT_AUTH: Type.Union([Type.Literal('none'), Type.Literal('require')], { default: 'none', description: 'none or require (mutual TLS: callers present a certificate signed by TLS_CA_FILE)' }),
  },
  { additionalProperties: true },
);

export interface TlsMaterial {
  cert?: Buffer;
  key?: Buffer;
  ca?: Buffer;
  clientAuth: 'none' | 'require';
}

function read(name: string, file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ConfigError(`Configuration error: ${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}: ${file})`);
  }
}

/** The TLS files named by the environment, read once at start (none: plain TCP everywhere). */
export function loadTls(env: NodeJS.ProcessEnv = process.env, prefix = ''): TlsMaterial {
  const c = loadConfig(tlsConfigSchema, env);
  const certFile = env[`${prefix}TLS_CERT_FILE`] || c.TLS_CERT_FILE;
  const keyFile = env[`${prefix}TLS_KEY_FILE`] || c.TLS_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new ConfigError(`Configuration error: ${prefix}TLS_${certFile ? 'KEY' : 'CERT'}_FILE is missing; expected it with ${prefix}TLS_${certFile ? 'CERT' : 'KEY'}_FILE`);
  }
  if (c.TLS_CLIENT_AUTH === 'require' && !c.TLS_CA_FILE) throw new ConfigError('Configuration error: TLS_CA_FILE is missing; TLS_CLIENT_AUTH=require checks callers against it');
  return {
    cert: read(`${prefix}TLS_CERT_FILE`, certFile),
    key: read(`${prefix}TLS_KEY_FILE`, keyFile),
    ca: read('TLS_CA_FILE', c.TLS_CA_FILE),
    clientAuth: c.TLS_CLIENT_AUTH,
  };
}

/** Options of an HTTPS server, or undefined when no certificate is configured. */
export function httpsServerOptions(tls: TlsMaterial): (SecureContextOptions & { requestCert: boolean; rejectUnauthorized: boolean }) | undefined {
  if (!tls.cert || !tls.key) return undefined;
  const mutual = tls.clientAuth === 'require';
  // With mutual TLS the handshake asks for a certificate but lets a caller without one finish,
  // so that probes reach /healthz and /readyz; every other route refuses it (see requireClientCertificate).
  return { cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2', ...(mutual ? { ca: tls.ca, requestCert: true, rejectUnauthorized: false } : { requestCert: false, rejectUnauthorized: false }) };
}

/**
 * TLS options of an outgoing connection: the shop's CA as the only trusted root when set (a
 * public CA's certificate is refused then), this process's certificate as the client's.
 */
export function tlsClientOptions(tls: TlsMaterial): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  return { ...(tls.ca ? { ca: tls.ca } : {}), ...(tls.cert && tls.key ? { cert: tls.cert, key: tls.key } : {}) };
}

/** An undici dispatcher for fetch() calls to https:// services with the shop's CA (and client certificate). */
export function httpsAgent(tls: TlsMaterial): Agent | undefined {
  if (!tls.ca && !tls.cert) return undefined;
  return new Agent({ connect: { ...tlsClientOptions(tls), minVersion: 'TLSv1.2' } });
}

/** What a refused certificate was refused for, in words an operator can act on. */
export function describeTlsError(err: unknown): string | undefined {
  const e = (err as { cause?: { code?: string; message?: string } })?.cause ?? (err as { code?: string; message?: string });
  switch (e?.code) {
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return `the certificate is not signed by a trusted CA (${e.code}; check TLS_CA_FILE)`;
    case 'CERT_HAS_EXPIRED':
      return 'the certificate has expired (CERT_HAS_EXPIRED)';
    case 'CERT_NOT_YET_VALID':
      return 'the certificate is not valid yet (CERT_NOT_YET_VALID)';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the certificate is for another host name (${e.message ?? 'ERR_TLS_CERT_ALTNAME_INVALID'})`;
    default:
      return undefined;
  }
}

/**
 * The trusted roots of outgoing calls once a shop CA is set: the shop's CA beside the public
 * ones Node trusts (and NODE_EXTRA_CA_CERTS), so that calls to external providers keep working.
 */
export function trustedRoots(tls: TlsMaterial): Array<string | Buffer> | undefined {
  if (!tls.ca) return undefined;
  const extra = process.env.NODE_EXTRA_CA_CERTS ? read('NODE_EXTRA_CA_CERTS', process.env.NODE_EXTRA_CA_CERTS) : undefined;
  return [...rootCertificates, ...(extra ? [extra] : []), tls.ca];
}

let installed: TlsMaterial | undefined;
/**
 * Makes every fetch() of this process (internal REST calls, the signing keys, the gateway's
 * OpenAPI merge) trust the shop's CA and present this process's certificate when asked: one
 * dispatcher for the process, set at start when TLS is configured. Redis clients made after it
 * take the same trust for `rediss://` URLs (see tlsForRediss).
 */
export function installTlsForFetch(tls: TlsMaterial): void {
  if (installed || (!tls.ca && !tls.cert)) return;
  installed = tls;
  const ca = trustedRoots(tls);
  setGlobalDispatcher(new Agent({ connect: { ...(ca ? { ca } : {}), ...(tls.cert && tls.key ? { cert: tls.cert, key: tls.key } : {}), minVersion: 'TLSv1.2' } }));
}

/**
 * TLS options of a `rediss://` connection: the process's trust as installed by
 * installTlsForFetch (the shop's CA beside the public roots, so that a managed Redis with a
 * public certificate keeps working) and its certificate as the client's (Redis's
 * `tls-auth-clients yes`). Node checks the host name of the URL against the certificate.
 * Undefined when no TLS is configured: Node's own trust then.
 */
export function tlsForRediss(): { ca?: Array<string | Buffer>; cert?: Buffer; key?: Buffer; minVersion: 'TLSv1.2' } | undefined {
  if (!installed) return undefined;
  const ca = trustedRoots(installed);
  return { ...(ca ? { ca } : {}), ...(installed.cert && installed.key ? { cert: installed.cert, key: installed.key } : {}), minVersion: 'TLSv1.2' };
}
