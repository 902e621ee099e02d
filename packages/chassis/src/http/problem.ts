import type { FieldError } from '@mercato/contracts';
import { Type, type Static } from '@sinclair/typebox';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem details, with the platform's stable `code` and field errors. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'Stable URI naming the kind of problem' }),
    code: Type.String({ description: 'The same kind as a short slug, e.g. not_found' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request id' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          in: Type.Optional(Type.String()),
          pointer: Type.String({ description: 'RFC 6901 pointer to the bad field' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { additionalProperties: true, $id: 'Problem' },
);
export type Problem = Static<typeof ProblemSchema> & Record<string, unknown>;

export function problemType(code: string): string {
  return `urn:mercato:problem:${code}`;
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): Problem {
  // An extension never replaces a member of the problem itself: `code` is the stable contract.
  return { ...extra, type: problemType(code), code, title, status, ...(detail !== undefined ? { detail } : {}) };
}

export type LocatedFieldError = FieldError & { in?: string };

/** The stable code and title of each client error status, for errors that carry no type of their own. */
export const STATUS_PROBLEMS: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  406: ['not_acceptable', 'Not acceptable'],
  408: ['request_timeout', 'Request timeout'],
  409: ['conflict', 'Conflict'],
  412: ['precondition_failed', 'Precondition failed'],
  413: ['payload_too_large', 'Payload too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable request'],
  428: ['precondition_required', 'Precondition required'],
  429: ['rate_limited', 'Too many requests'],
  431: ['headers_too_large', 'Request header fields too large'],
};

