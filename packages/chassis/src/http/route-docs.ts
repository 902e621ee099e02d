import { Type } from '@sinclair/typebox';
import { STATUS_PROBLEMS } from './problem.js';

/**
 * What a route schema declares for the API documents: who may call it and which problems it
 * answers. `security: BEARER` names the access-token scheme every service document declares.
 */
export const BEARER_SCHEME = 'bearerAuth';
export const BEARER: Array<Record<string, string[]>> = [{ [BEARER_SCHEME]: [] }];
/** For a route that takes a token when there is one (public reads that mark the caller's own votes). */
export const OPTIONAL_BEARER: Array<Record<string, string[]>> = [{}, { [BEARER_SCHEME]: [] }];

/** `response` entries for the given 4xx/5xx statuses, each a problem+json document. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const s of statuses) out[s] = Type.Ref('Problem', { description: STATUS_PROBLEMS[s]?.[1] ?? 'Problem' });
  return out;
}
