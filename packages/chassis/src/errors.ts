import type { FieldError } from '@mercato/contracts';

/**
 * The platform's small error vocabulary. Each error has a stable `type` slug that clients
 * can rely on; the chassis renders it as RFC 9457 problem+json.
 */
export class DomainError extends Error {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(opts: { type: string; status: number; title: string; detail?: string; extensions?: Record<string, unknown> }) {
    super(opts.detail ?? opts.title);
    this.name = new.target.name;
    this.type = opts.type;
    this.status = opts.status;
    this.title = opts.title;
    this.detail = opts.detail;
    this.extensions = opts.extensions ?? {};
  }
}

export class InvalidData extends DomainError {
  readonly errors: FieldError[];
  constructor(detail: string, errors: FieldError[] = []) {
    super({ type: 'invalid_data', status: 400, title: 'The request is invalid', detail });
    this.errors = errors;
  }
}

export class Unauthorized extends DomainError {
  /** Sent as `WWW-Authenticate` when given (e.g. `Bearer`). */
  readonly challenge: string | undefined;
  constructor(detail = 'Authentication is required', challenge?: string) {
    super({ type: 'unauthorized', status: 401, title: 'Unauthorized', detail });
    this.challenge = challenge;
  }
}

export class Forbidden extends DomainError {
  constructor(detail = 'You are not allowed to do this') {
    super({ type: 'forbidden', status: 403, title: 'Forbidden', detail });
  }
}

export class NotFound extends DomainError {
  constructor(detail = 'The resource does not exist') {
    super({ type: 'not_found', status: 404, title: 'Not found', detail });
  }
}

export class Conflict extends DomainError {
  constructor(detail: string, extensions?: Record<string, unknown>, type = 'conflict') {
    super({ type, status: 409, title: 'Conflict', detail, extensions });
  }
}

export class PreconditionFailed extends DomainError {
  constructor(detail = 'The resource has changed since you read it') {
    super({ type: 'precondition_failed', status: 412, title: 'Precondition failed', detail });
  }
}

/** A write that must name the version it changes (`If-Match`) did not (RFC 6585). */
export class PreconditionRequired extends DomainError {
  constructor(detail = 'Send If-Match with the ETag of the version you read') {
    super({ type: 'precondition_required', status: 428, title: 'Precondition required', detail });
  }
}

export class Unprocessable extends DomainError {
  constructor(detail: string, type = 'unprocessable') {
    super({ type, status: 422, title: 'Unprocessable request', detail });
  }
}

export class TooManyRequests extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, detail = 'Too many requests') {
    super({ type: 'rate_limited', status: 429, title: 'Too many requests', detail });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class UpstreamError extends DomainError {
  constructor(status: 502 | 503 | 504, type: string, detail: string) {
    super({
      type,
      status,
      title: status === 504 ? 'Upstream timed out' : status === 503 ? 'Service unavailable' : 'Bad gateway',
      detail,
    });
  }
}

/**
 * The service cannot answer now for a reason that passes (its database is unreachable): 503 with
 * `Retry-After`. Not a bug, so never a 500; the gateway's breaker counts it against the service.
 */
export class ServiceUnavailable extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(detail: string, retryAfterSeconds = 2, type = 'service_unavailable') {
    super({ type, status: 503, title: 'Service unavailable', detail });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
