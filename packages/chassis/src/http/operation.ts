import { Type } from '@sinclair/typebox';
import { STATUS_PROBLEMS } from './problem.js';

/**
 * What every documented route declares, in one line of its schema:
 *
 *   schema: { ...operation('getCart', 'optional', { 404: 'not_found' }), summary, params, response: { 200: CartSchema } }
 *
 * - the operationId: camelCase, unique in the API (a generated client names its method by it);
 * - who may call it: `'public'` (no token read), `'optional'` (anonymous, or a bearer token that
 *   then must verify and makes the caller known), `'signed-in'` (any valid bearer token), or
 *   `{ roles: [...] }` (a bearer token with one of the roles);
 * - the problems the route itself answers, status → code(s). The chassis adds the ones that
 *   follow from the route's shape: 400 `invalid_data` when it validates input (and
 *   `malformed_body`, 413, 415 when it takes a body), 401 `unauthorized` when it reads a token,
 *   403 `forbidden` when it needs a role, and every 5xx.
 *
 * `createHttpApp` refuses at start a documented route (not `hide: true`) without it, or whose
 * `response` names no success status: the OpenAPI document cannot silently lack a route's
 * security, its errors or its real statuses.
 */
export type Access = 'public' | 'optional' | 'signed-in' | { roles: readonly [string, ...string[]] };

export type ProblemCodes = { readonly [status: number]: string | readonly string[] };

/** The schema key the declaration travels under (to the OpenAPI document, where it is expanded). */
export const OPERATION_KEY = 'x-mercato-operation';

export interface OperationDeclaration {
  operationId: string;
  [OPERATION_KEY]: { access: Access; problems: Record<string, string[]> };
}

const OPERATION_ID = /^[a-z][A-Za-z0-9]{1,63}$/;
const CODE = /^[a-z][a-z0-9_]{1,63}$/;

export function operation(operationId: string, access: Access, problems: ProblemCodes = {}): OperationDeclaration {
  if (!OPERATION_ID.test(operationId)) throw new Error(`operationId ${JSON.stringify(operationId)} must be camelCase letters and digits, 2 to 64 long`);
  if (typeof access === 'object' && access.roles.length === 0) throw new Error(`${operationId}: name at least one role, or use 'signed-in'`);
  const normalised: Record<string, string[]> = {};
  for (const [status, codes] of Object.entries(problems)) {
    const n = Number(status);
    if (!Number.isInteger(n) || n < 400 || n > 599) throw new Error(`${operationId}: problem status ${status} is not a 4xx or 5xx`);
    const list = typeof codes === 'string' ? [codes] : [...codes];
    for (const c of list) if (!CODE.test(c)) throw new Error(`${operationId}: problem code ${JSON.stringify(c)} must be a snake_case slug`);
    normalised[status] = list;
  }
  return { operationId, [OPERATION_KEY]: { access, problems: normalised } };
}

/**
 * The access of a route guarded by a permission in a role → permissions map: `'signed-in'` when
 * every role holds it, else the roles that do. So the document says what the guard enforces.
 */
export function accessFor<P extends string>(rolePermissions: Readonly<Record<string, readonly P[]>>, permission: P): Access {
  const roles = Object.keys(rolePermissions).filter((r) => rolePermissions[r]!.includes(permission));
  if (roles.length === Object.keys(rolePermissions).length) return 'signed-in';
  if (roles.length === 0) throw new Error(`No role holds the permission ${permission}`);
  return { roles: roles.sort() as [string, ...string[]] };
}

/** An answer without a body (204, a 202 with nothing to say, a redirect): `reply.send()` takes nothing. */
export const NoBody = (description: string) => Type.Unsafe<undefined>({ type: 'null', description });

/** A response that is not JSON (an HTML page, an image), for a route's `response` map. */
export function mediaResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: { type: 'string' } } } };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one route at registration; returns what is wrong, or nothing. A hidden route (`hide`)
 * is not in the document and needs no declaration.
 */
export function operationIssues(method: string, url: string, schema: Json | undefined): string[] {
  const s = schema ?? {};
  if (s.hide === true) return [];
  const where = `${method} ${url}`;
  const decl = s[OPERATION_KEY];
  if (typeof s.operationId !== 'string' || !isObj(decl)) {
    return [`${where} declares no operation: add ...operation('<operationId>', <access>, { <status>: '<code>' }) to its schema (see @mercato/chassis operation())`];
  }
  const issues: string[] = [];
  const statuses = Object.keys(isObj(s.response) ? s.response : {});
  if (!statuses.some((st) => /^[123]/.test(st))) issues.push(`${where} (${s.operationId}) names no success status in schema.response (e.g. 200: Schema, 204: NoBody('…'))`);
  const errors = statuses.filter((st) => /^[45]/.test(st));
  if (errors.length > 0) issues.push(`${where} (${s.operationId}) lists ${errors.join(', ')} in schema.response: declare problems in operation(), not as response schemas`);
  return issues;
}

const BEARER = 'bearerAuth';
const PROBLEM_REF = '#/components/schemas/Problem';
/** Statuses answered by the server rather than by one route, referenced from every operation. */
export const SERVER_ERROR_RESPONSE = 'ServerError';
const SERVER_ERROR_CODES = ['internal_error', 'shutting_down', 'auth_unavailable', 'upstream_unavailable', 'upstream_timeout', 'bad_gateway'];

function accessText(access: Access): string {
  if (access === 'public') return '**Access:** public, no token needed.';
  if (access === 'optional') return '**Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).';
  if (access === 'signed-in') return '**Access:** signed in: any valid bearer token (a customer reaches only their own data).';
  return `**Access:** a bearer token with the role ${access.roles.map((r) => `\`${r}\``).join(' or ')}.`;
}

function securityOf(access: Access): Json[] {
  if (access === 'public') return [];
  if (access === 'optional') return [{}, { [BEARER]: [] }];
  return [{ [BEARER]: [] }];
}

const titleOf = (status: string): string => STATUS_PROBLEMS[Number(status)]?.[1] ?? (status.startsWith('5') ? 'Server error' : 'Client error');

/** An error response: problem+json whose `code` is one of `codes`. */
export function problemResponse(status: string, codes: readonly string[]): Json {
  const sorted = [...new Set(codes)].sort();
  return {
    description: `${titleOf(status)}: ${sorted.map((c) => `\`${c}\``).join(', ')}`,
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: PROBLEM_REF }, { type: 'object', properties: { code: { type: 'string', enum: sorted } } }] },
      },
    },
  };
}

/** The codes an error response already documents (see problemResponse). */
export function problemCodesOf(response: unknown): string[] {
  if (!isObj(response) || !isObj(response.content)) return [];
  const media = response.content['application/problem+json'];
  const schema = isObj(media) && isObj(media.schema) ? media.schema : undefined;
  const parts = Array.isArray(schema?.allOf) ? schema.allOf : [];
  for (const p of parts) {
    const props = isObj(p) && isObj(p.properties) ? p.properties : undefined;
    const code = props && isObj(props.code) ? props.code : undefined;
    if (code && Array.isArray(code.enum)) return code.enum as string[];
  }
  return [];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const SUCCESS_TEXT: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content', 302: 'Found (a redirect)', 304: 'Not modified' };

/**
 * Expands every operation's declaration in a service's OpenAPI document: its `security` (the
 * bearer scheme, declared once), who may call it in its description, and an
 * `application/problem+json` response per error status listing the codes it can answer, all
 * referring to the one Problem schema.
 */
export function documentOperations(doc: Json): Json {
  const components = (doc.components = isObj(doc.components) ? doc.components : {}) as Json;
  components.securitySchemes = {
    ...(isObj(components.securitySchemes) ? components.securitySchemes : {}),
    [BEARER]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'An access token from `POST /api/v1/auth/login` (or register, refresh): `Authorization: Bearer <accessToken>`. It lives 15 minutes; refresh it with the refresh token.',
    },
  };
  components.responses = {
    ...(isObj(components.responses) ? components.responses : {}),
    [SERVER_ERROR_RESPONSE]: problemResponse('5XX', SERVER_ERROR_CODES),
  };
  for (const item of Object.values(isObj(doc.paths) ? doc.paths : {})) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const decl = op[OPERATION_KEY] as OperationDeclaration[typeof OPERATION_KEY] | undefined;
      delete op[OPERATION_KEY];
      if (!decl) continue;
      op.security = securityOf(decl.access);
      // Who may call it, for clients and tools: the roles, when a role is needed.
      if (typeof decl.access === 'object') op['x-roles'] = [...decl.access.roles];
      op.description = [typeof op.description === 'string' ? op.description : undefined, accessText(decl.access)].filter(Boolean).join('\n\n');
      const problems: Record<string, string[]> = {};
      const add = (status: number | string, ...codes: string[]) => (problems[status] = [...(problems[status] ?? []), ...codes]);
      const params = Array.isArray(op.parameters) ? op.parameters : [];
      if (params.length > 0 || op.requestBody) add(400, 'invalid_data');
      if (op.requestBody) {
        add(400, 'malformed_body');
        add(413, 'payload_too_large');
        add(415, 'unsupported_media_type');
      }
      if (decl.access !== 'public') add(401, 'unauthorized');
      if (typeof decl.access === 'object') add(403, 'forbidden');
      for (const [status, codes] of Object.entries(decl.problems)) add(status, ...codes);
      const responses = (op.responses = isObj(op.responses) ? op.responses : {}) as Json;
      for (const [status, r] of Object.entries(responses)) {
        if (isObj(r) && (r.description === 'Default Response' || r.description === undefined)) r.description = SUCCESS_TEXT[status] ?? 'Success';
      }
      for (const [status, codes] of Object.entries(problems)) responses[status] = problemResponse(status, codes);
      responses['5XX'] = { $ref: `#/components/responses/${SERVER_ERROR_RESPONSE}` };
    }
  }
  return doc;
}
