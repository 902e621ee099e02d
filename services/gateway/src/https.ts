import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ConfigError, httpsServerOptions, loadTls, type TlsMaterial } from '@mercato/chassis';

/** One year, the subdomains too: browsers that saw it never try plain HTTP again. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export interface GatewayTls {
  /** The public listener's certificate (GATEWAY_TLS_CERT_FILE/KEY, else TLS_CERT_FILE/KEY). */
  material: TlsMaterial;
  https: boolean;
  /** GATEWAY_HTTP_REDIRECT_PORT: a plain-HTTP listener that sends every request to HTTPS. */
  redirectPort: number | undefined;
}

export function loadGatewayTls(env: NodeJS.ProcessEnv): GatewayTls {
  const material = loadTls(env, 'GATEWAY_');
  const https = Boolean(material.cert && material.key);
  const raw = env.GATEWAY_HTTP_REDIRECT_PORT;
  let redirectPort: number | undefined;
  if (raw !== undefined && raw !== '') {
    redirectPort = Number(raw);
    if (!Number.isInteger(redirectPort) || redirectPort < 0 || redirectPort > 65535) {
      throw new ConfigError(`Configuration error: GATEWAY_HTTP_REDIRECT_PORT is invalid (got ${JSON.stringify(raw)}); expected a port from 0 to 65535`);
    }
    if (!https) throw new ConfigError('Configuration error: GATEWAY_HTTP_REDIRECT_PORT needs GATEWAY_TLS_CERT_FILE and GATEWAY_TLS_KEY_FILE (there is no HTTPS to redirect to)');
  }
  return { material, https, redirectPort };
}

/** The gateway's public server: HTTPS with HSTS on every answer when it has a certificate. */
export function createPublicServer(tls: GatewayTls, handler: RequestListener): Server {
  if (!tls.https) return createServer(handler);
  // Mutual TLS is for the internal hops, never for the public: browsers have no certificate.
  const options = httpsServerOptions({ ...tls.material, clientAuth: 'none' })!;
  return createHttpsServer(options, (req, res) => {
    res.setHeader('strict-transport-security', HSTS);
    handler(req, res);
  }) as unknown as Server;
}

/** Answers every plain-HTTP request with 308 to the same URL on HTTPS (the public port). */
export function createRedirectServer(httpsPort: () => number): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const port = httpsPort();
    const location = `https://${host}${port === 443 ? '' : `:${port}`}${req.url ?? '/'}`;
    res.writeHead(308, { location, 'content-type': 'text/plain', connection: 'close' }).end(`Moved to ${location}\n`);
  });
}
