import { ConfigError, DEFAULT_PORTS, type ServiceName } from '../config/config.js';

export type PeerName = Exclude<ServiceName, 'gateway'>;

/** The base URL of another service, for internal REST calls. */
export type PeerUrls = (name: PeerName) => string;

const BASE_URL = /^https?:\/\/[^\s/?#]+\/?$/;

/**
 * Where to reach another service: the URL the launcher gives (the embedded launcher knows the
 * ports the services bound, once they have), else `<NAME>_URL`, else its default port on this
 * host. Read when a call needs it, not at start, so services can start in any order.
 */
export function peerUrls(env: NodeJS.ProcessEnv, given?: ReadonlyMap<string, string>): PeerUrls {
  return (name) => {
    const fromLauncher = given?.get(name);
    if (fromLauncher) return fromLauncher.replace(/\/+$/, '');
    const variable = `${name.toUpperCase()}_URL`;
    const raw = env[variable];
    if (raw === undefined || raw === '') return `http://127.0.0.1:${DEFAULT_PORTS[name]}`;
    if (!BASE_URL.test(raw) || raw.length > 2048) {
      throw new ConfigError(`Configuration error: ${variable} is invalid (got ${JSON.stringify(raw.slice(0, 100))}); expected the base URL of the ${name} service, e.g. http://${name}:${DEFAULT_PORTS[name]}`);
    }
    return raw.replace(/\/+$/, '');
  };
}
