import { isDeepStrictEqual } from 'node:util';
import { problemCodesOf, problemResponse } from '@mercato/chassis';
import { SANDBOX_TEST_CARDS } from '@mercato/contracts';
import { API_PREFIX, FIXED_ROUTES, SEGMENTS, type UpstreamName } from './routes.js';

type Json = Record<string, unknown>;

export interface ServiceDocument {
  service: UpstreamName;
  doc: Json;
}

export interface UnavailableService {
  service: UpstreamName;
  reason: string;
}

export interface MergeInput {
  title: string;
  version: string;
  documents: ServiceDocument[];
  unavailable: UnavailableService[];
  /** The gateway's own document: its paths are public as they are, and the gateway limits none of them. */
  gateway?: Json;
}

/** What the gateway itself can answer on any routed operation: its rate limit. */
const RATE_LIMITED = 'rate_limited';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep copy with every local `$ref` to a renamed component pointing at its new name. */
function rewriteRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renames));
  if (!isObj(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' ? (renames.get(v) ?? v) : rewriteRefs(v, renames);
  }
  return out;
}

/** The public path of a service path, or undefined when the gateway does not route it there. */
export function publicPath(service: UpstreamName, path: string): string | undefined {
  if (FIXED_ROUTES[path] === service) return path;
  const segment = path.split('/')[1] ?? '';
  return Object.hasOwn(SEGMENTS, segment) && SEGMENTS[segment] === service ? `${API_PREFIX}${path}` : undefined;
}

/**
 * Picks the components of one service document that must be renamed: a name already taken by
 * a different definition becomes `<service>_<name>`. Renaming one component changes the
 * components that refer to it, so this repeats until nothing more has to move.
 */
function planRenames(service: string, components: Json, merged: Record<string, Json>): Map<string, string> {
  const renames = new Map<string, string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [kind, group] of Object.entries(components)) {
      if (!isObj(group)) continue;
      const target = merged[kind] ?? {};
      for (const [name, def] of Object.entries(group)) {
        const ref = `#/components/${kind}/${name}`;
        if (renames.has(ref) || !(name in target) || isDeepStrictEqual(target[name], rewriteRefs(def, renames))) continue;
        let fresh = `${service}_${name}`;
        for (let i = 2; fresh in target || (isObj(group) && fresh in group); i++) fresh = `${service}_${name}_${i}`;
        renames.set(ref, `#/components/${kind}/${fresh}`);
        changed = true;
      }
    }
  }
  return renames;
}

const TOO_MANY_REQUESTS = 'TooManyRequests';

/** The gateway's 429 on a routed operation: the shared response, or its code added to the operation's own 429. */
function addRateLimit(op: Json): void {
  const responses = (op.responses = isObj(op.responses) ? op.responses : {}) as Json;
  const own = responses['429'];
  if (own === undefined) responses['429'] = { $ref: `#/components/responses/${TOO_MANY_REQUESTS}` };
  else responses['429'] = problemResponse('429', [...problemCodesOf(own), RATE_LIMITED]);
}

/**
 * Merges the services' OpenAPI documents into the one public document: paths under /api/v1
 * (only those the gateway routes to that service), components merged without letting one
 * service's definition replace another's, a tag per service, and the services that could not
 * be read listed in `x-unavailable`.
 */
export function mergeOpenApi(input: MergeInput): Json {
  const paths: Json = {};
  const components: Record<string, Json> = {};
  const tags: Json[] = [];
  const operationIds = new Set<string>();
  const sources: { service: UpstreamName | 'gateway'; doc: Json }[] = [...(input.gateway ? [{ service: 'gateway' as const, doc: input.gateway }] : []), ...input.documents];

  for (const { service, doc } of sources) {
    const info = isObj(doc.info) ? doc.info : {};
    tags.push({ name: service, description: typeof info.title === 'string' ? info.title : `the ${service} service` });
    const own = isObj(doc.components) ? doc.components : {};
    const renames = planRenames(service, own, components);
    const schemeRenames = new Map<string, string>();
    for (const [from, to] of renames) {
      if (from.startsWith('#/components/securitySchemes/')) schemeRenames.set(from.split('/').pop()!, to.split('/').pop()!);
    }

    for (const [kind, group] of Object.entries(own)) {
      if (!isObj(group)) continue;
      const target = (components[kind] ??= {});
      for (const [name, def] of Object.entries(group)) {
        const newName = (renames.get(`#/components/${kind}/${name}`) ?? `#/components/${kind}/${name}`).split('/').pop()!;
        if (!(newName in target)) target[newName] = rewriteRefs(def, renames);
      }
    }

    const docSecurity = Array.isArray(doc.security) ? doc.security : undefined;
    for (const [path, item] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
      const exposed = service === 'gateway' ? path : publicPath(service, path);
      if (!exposed || !isObj(item)) continue;
      const copy = rewriteRefs(item, renames) as Json;
      delete copy.servers;
      for (const method of METHODS) {
        const op = copy[method];
        if (!isObj(op)) continue;
        op.tags = [service];
        if (typeof op.operationId === 'string') {
          const id = operationIds.has(op.operationId) ? `${service}_${op.operationId}` : op.operationId;
          op.operationId = id;
          operationIds.add(id);
        }
        // A document-wide requirement cannot stay document-wide once documents are merged.
        const security = Array.isArray(op.security) ? op.security : docSecurity;
        if (security) op.security = security.map((req) => (isObj(req) ? Object.fromEntries(Object.entries(req).map(([k, v]) => [schemeRenames.get(k) ?? k, v])) : req));
        if (service !== 'gateway') addRateLimit(op);
      }
      paths[exposed] = copy;
    }
  }

  const down = input.unavailable.map((u) => u.service);
  components.responses = { ...components.responses, [TOO_MANY_REQUESTS]: problemResponse('429', [RATE_LIMITED]) };
  return {
    openapi: '3.1.0',
    info: {
      title: input.title,
      version: input.version,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'The public mercato API, merged from the services behind the gateway. Errors are RFC 9457 problem+json with a stable `code`; ' +
        'each operation lists the codes it can answer. Signed-in calls send `Authorization: Bearer <accessToken>` (Authorize, above). ' +
        'Every routed operation may answer 429 `rate_limited` (with Retry-After) from the gateway. ' +
        SANDBOX_TEST_CARDS +
        (down.length > 0 ? ` Not available right now, so missing here: ${down.join(', ')}.` : ''),
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components,
    'x-unavailable': input.unavailable,
  };
}
