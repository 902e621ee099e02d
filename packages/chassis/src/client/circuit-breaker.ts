import { UpstreamError } from '../errors.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** The upstream this breaker guards; it names the upstream in errors and logs. */
  name: string;
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit rejects before it lets one trial call through, in ms. */
  resetTimeoutMs?: number;
  /** The clock; tests pass a fake one. */
  now?: () => number;
  onStateChange?: (change: { name: string; from: BreakerState; to: BreakerState }) => void;
}

/** Thrown instead of calling an upstream whose circuit is open. */
export class CircuitOpenError extends UpstreamError {
  readonly upstream: string;
  readonly retryAfterMs: number;
  constructor(upstream: string, retryAfterMs: number) {
    super(503, 'upstream_unavailable', `${upstream} is unavailable (circuit open after repeated failures); retry in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.upstream = upstream;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * One call's admission through the breaker. The caller settles it exactly once with the
 * outcome; `cancel` is for calls that say nothing about the upstream's health (the client
 * went away, the request was refused before it was sent).
 */
export interface BreakerPermit {
  success(): void;
  failure(): void;
  cancel(): void;
}

export interface BreakerSnapshot {
  name: string;
  state: BreakerState;
  consecutiveFailures: number;
  /** While open: time left before a trial call is let through. */
  retryAfterMs: number;
}

export interface RunClassifier<T> {
  /** A result that still means the upstream is unhealthy (e.g. a 503 response). */
  isFailedResult?: (value: T) => boolean;
  /** Whether an error counts against the upstream; default: every error does. */
  isFailure?: (err: unknown) => boolean;
}

/**
 * A circuit breaker for one upstream: closed → open after `failureThreshold` consecutive
 * failures; open rejects at once for `resetTimeoutMs`; then half-open lets a single trial call
 * through, whose success closes the circuit and whose failure opens it again.
 *
 * Every state change starts a new generation, and a permit only counts in the generation it
 * was issued in: a slow call that started before the circuit opened cannot close it again.
 */
export class CircuitBreaker {
  readonly name: string;
  private readonly threshold: number;
  private readonly resetTimeoutMs: number;
  private readonly now: () => number;
  private readonly onStateChange: CircuitBreakerOptions['onStateChange'];

  private current: BreakerState = 'closed';
  private generation = 0;
  private failures = 0;
  private openedAt = 0;
  /** When the half-open trial was let through (a lost permit must not wedge the breaker). */
  private trialStartedAt: number | undefined;

  constructor(opts: CircuitBreakerOptions) {
    this.name = opts.name;
    this.threshold = Math.max(1, opts.failureThreshold ?? 5);
    this.resetTimeoutMs = Math.max(0, opts.resetTimeoutMs ?? 10_000);
    this.now = opts.now ?? Date.now;
    this.onStateChange = opts.onStateChange;
  }

  /** The state a call made now would see (an open circuit whose wait is over reads half-open). */
  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.resetTimeoutMs) return 'half_open';
    return this.current;
  }

  snapshot(): BreakerSnapshot {
    const state = this.state;
    const retryAfterMs = state === 'open' ? Math.max(0, this.openedAt + this.resetTimeoutMs - this.now()) : 0;
    return { name: this.name, state, consecutiveFailures: this.failures, retryAfterMs };
  }

  /** Admits one call or throws CircuitOpenError without calling anything. */
  acquire(): BreakerPermit {
    const now = this.now();
    if (this.current === 'open') {
      const waited = now - this.openedAt;
      if (waited < this.resetTimeoutMs) throw new CircuitOpenError(this.name, this.resetTimeoutMs - waited);
      this.transition('half_open');
    }
    if (this.current === 'half_open') {
      const trialInFlight = this.trialStartedAt !== undefined && now - this.trialStartedAt < Math.max(this.resetTimeoutMs, 1);
      if (trialInFlight) throw new CircuitOpenError(this.name, Math.max(1, this.trialStartedAt! + this.resetTimeoutMs - now));
      this.trialStartedAt = now;
    }
    return this.permit(this.generation);
  }

  /** Runs `fn` through the breaker; rejects with CircuitOpenError while the circuit is open. */
  async run<T>(fn: () => Promise<T>, classify: RunClassifier<T> = {}): Promise<T> {
    const permit = this.acquire();
    let value: T;
    try {
      value = await fn();
    } catch (err) {
      if (classify.isFailure?.(err) ?? true) permit.failure();
      else permit.cancel();
      throw err;
    }
    if (classify.isFailedResult?.(value)) permit.failure();
    else permit.success();
    return value;
  }

  private permit(generation: number): BreakerPermit {
    return new Permit(this, generation);
  }

  /** @internal A permit's outcome; counts only once, and only in the generation it was issued in. */
  settle(generation: number, outcome: 'success' | 'failure' | 'cancel'): void {
    if (generation !== this.generation) return;
    if (outcome === 'success') this.onSuccess();
    else if (outcome === 'failure') this.onFailure();
    else if (this.current === 'half_open') this.trialStartedAt = undefined; // let another trial through
  }

  private onSuccess(): void {
    this.failures = 0;
    if (this.current === 'half_open') this.transition('closed');
  }

  private onFailure(): void {
    this.failures += 1;
    if (this.current === 'half_open' || this.failures >= this.threshold) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.generation += 1;
    this.trialStartedAt = undefined;
    if (to === 'closed') this.failures = 0;
    this.onStateChange?.({ name: this.name, from, to });
  }
}

/** One admitted call. A class, not closures: the gateway takes one per proxied request. */
class Permit implements BreakerPermit {
  private settled = false;
  constructor(
    private readonly breaker: CircuitBreaker,
    private readonly generation: number,
  ) {}

  success(): void {
    this.finish('success');
  }

  failure(): void {
    this.finish('failure');
  }

  cancel(): void {
    this.finish('cancel');
  }

  private finish(outcome: 'success' | 'failure' | 'cancel'): void {
    if (this.settled) return;
    this.settled = true;
    this.breaker.settle(this.generation, outcome);
  }
}
