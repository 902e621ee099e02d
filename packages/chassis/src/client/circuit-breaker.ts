// The circuit itself is cockatiel's (CircuitBreakerPolicy: consecutive failures open it, an
// exponential backoff spaces the half-open trials). Written here, because cockatiel has no such
// feature: (1) readiness-aware trials — while the circuit is open a probe of the upstream's
// readiness (its /readyz) decides when a trial is worth making, and the trial itself is one real
// client request (the probe alone never closes the circuit: a ready /readyz does not prove the
// route works); no client waits behind it (cockatiel queues every call behind its trial); (2) suspected failures — a timeout or a 5xx
// answer counts only when a probe confirms that the upstream itself is unhealthy, so clients that
// ask for slow answers cannot open a circuit for everyone; (3) a permit API for callers that are
// callbacks, not promises (the gateway's proxy).
import { circuitBreaker, CircuitState, isBrokenCircuitError, ConsecutiveBreaker, ExponentialBackoff, handleWhen, noJitterGenerator, type CircuitBreakerPolicy, type IBackoff, type IBackoffFactory } from 'cockatiel';
import { UpstreamError } from '../errors.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * What one call says about the upstream's health: `success`; `failure` (it could not be reached);
 * `suspect` (a timeout, a 5xx: counted only if the readiness probe fails too); `ignore` (nothing:
 * the caller went away, the request was refused before it was sent).
 */
export type CallOutcome = 'success' | 'failure' | 'suspect' | 'ignore';

export interface CircuitBreakerOptions {
  /** The upstream (and route class) this breaker guards; it names it in errors and logs. */
  name: string;
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** The wait before the first trial once the circuit opens, in ms (short: most outages are restarts). */
  firstRetryMs?: number;
  /** The longest wait between two trials (the wait doubles after each failed one), in ms. */
  maxRetryMs?: number;
  /**
   * The upstream's readiness (resolves when ready). With it, the circuit stays open until a
   * probe after the wait finds the upstream ready (a failed probe counts as a failed trial), and
   * suspected failures are checked; without it, the first call after the wait is the trial and
   * every suspected failure counts. Either way the trial is one real call, and only its success
   * closes the circuit.
   */
  probe?: () => Promise<void>;
  onStateChange?: (change: { name: string; from: BreakerState; to: BreakerState }) => void;
}

/** Thrown instead of calling an upstream whose circuit is open. */
export class CircuitOpenError extends UpstreamError {
  readonly upstream: string;
  readonly retryAfterMs: number;
  constructor(upstream: string, retryAfterMs: number) {
    super(503, 'upstream_unavailable', `${upstream} is unavailable (circuit open after repeated failures); retry in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`);
    this.upstream = upstream;
    this.retryAfterMs = retryAfterMs;
  }
}

/** One admitted call. The caller settles it once with what the call said; later settlements are ignored. */
export interface BreakerPermit {
  success(): void;
  failure(): void;
  /** A timeout or a 5xx: counted only when the upstream's readiness probe fails. */
  suspect(): void;
  /** Says nothing about the upstream (the client went away, the request was refused here). */
  cancel(): void;
  settle(outcome: CallOutcome): void;
}

export interface BreakerSnapshot {
  name: string;
  state: BreakerState;
  consecutiveFailures: number;
  /** While open: time left before the next trial. */
  retryAfterMs: number;
  /** While open: the whole wait of this opening (the backoff's current step). */
  retryDelayMs: number;
}

export interface RunClassifier<T> {
  /** What a result says (default `success`); e.g. a 503 response is `suspect`. */
  outcomeOf?: (value: T) => CallOutcome;
  /** What an error says (default `failure`). */
  outcomeOfError?: (err: unknown) => CallOutcome;
}

/** A failure that counts against the upstream (the only kind the policy handles). */
class Counted extends Error {}
/** An outcome that says nothing: rethrown by the policy without counting. */
class NotCounted extends Error {}
const COUNTED = new Counted('upstream failure');
const NOT_COUNTED = new NotCounted('not counted');
const noop = () => undefined;

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
};

/** A probe's verdict is reused this long for the suspected failures that follow it. */
const VERDICT_MS = 250;

/**
 * A circuit breaker for one upstream: closed → open after `failureThreshold` consecutive
 * failures; while open every call is refused at once; after `firstRetryMs` (then twice as long
 * after each failed trial, up to `maxRetryMs`) the circuit goes half-open — with a probe, once
 * the probe finds the upstream ready — and admits one client call as the trial, refusing the
 * others while it runs: its success closes the circuit, a counted failure opens it again, an
 * outcome that says nothing of the upstream leaves the next call to be the trial.
 */
export class CircuitBreaker {
  readonly name: string;
  private readonly policy: CircuitBreakerPolicy;
  private readonly counter: ConsecutiveBreaker;
  private readonly probe: (() => Promise<void>) | undefined;
  private current: BreakerState = 'closed';
  private openedAt = 0;
  /** The wait from `openedAt` to the next trial (the backoff's current step). */
  private delay = 0;
  private trialTimer: NodeJS.Timeout | undefined;
  private verdict: Promise<boolean> | undefined;
  /** With a probe: the probe found the upstream ready after the wait, so the next call is the trial. */
  private trialReady = false;
  /** A trial call is under way: every other call is refused until it settles. */
  private trialInFlight = false;
  private disposed = false;
  private readonly onStateChange: CircuitBreakerOptions['onStateChange'];

  constructor(opts: CircuitBreakerOptions) {
    this.name = opts.name;
    this.probe = opts.probe;
    const threshold = Math.max(1, opts.failureThreshold ?? 5);
    const first = Math.max(1, opts.firstRetryMs ?? 250);
    const max = Math.max(first, opts.maxRetryMs ?? 10_000);
    this.counter = new ConsecutiveBreaker(threshold);
    const backoff = new ExponentialBackoff({ generator: noJitterGenerator, initialDelay: first, maxDelay: max });
    // The policy handles only counted failures; every other rejection passes through uncounted.
    this.policy = circuitBreaker(
      handleWhen((err) => err instanceof Counted),
      { breaker: this.counter, halfOpenAfter: this.observed(backoff) },
    );
    this.onStateChange = opts.onStateChange;
    this.policy.onBreak(() => {
      this.openedAt = Date.now();
      this.trialReady = false;
      this.trialInFlight = false;
      if (this.probe) this.scheduleProbe();
    });
    this.policy.onStateChange((state) => this.moveTo(STATES[state]));
  }

  private moveTo(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.onStateChange?.({ name: this.name, from, to });
  }

  /** The backoff factory, reporting each wait it hands the policy. */
  private observed<C>(factory: IBackoffFactory<C>): IBackoffFactory<C> {
    const wrap = (b: IBackoff<C>): IBackoff<C> => {
      this.delay = b.duration;
      return { duration: b.duration, next: (ctx) => wrap(b.next(ctx)) };
    };
    return { next: (ctx) => wrap(factory.next(ctx)) };
  }

  get state(): BreakerState {
    return this.current;
  }

  snapshot(): BreakerSnapshot {
    return {
      name: this.name,
      state: this.current,
      consecutiveFailures: this.counter.state,
      retryAfterMs: this.retryAfterMs(),
      retryDelayMs: this.current === 'closed' ? 0 : this.delay,
    };
  }

  private retryAfterMs(): number {
    if (this.current === 'closed') return 0;
    return Math.max(0, this.openedAt + this.delay - Date.now());
  }

  /** Admits one call, or throws CircuitOpenError without calling anything. */
  acquire(): BreakerPermit {
    const state = this.policy.state;
    if (state === CircuitState.Closed) {
      const permit = new Permit(this, false);
      permit.accounted = this.policy.execute(() => permit.outcome).then(noop, noop);
      return permit;
    }
    // The first call once the circuit may be tried is the trial, one at a time: after the wait,
    // and with a probe, once it found the upstream ready. Every other call is refused at once.
    const trial = state === CircuitState.Open && !this.trialInFlight && Date.now() - this.openedAt >= this.delay && (!this.probe || this.trialReady);
    if (!trial) throw new CircuitOpenError(this.name, this.retryAfterMs());
    this.trialReady = false;
    this.trialInFlight = true;
    this.moveTo('half_open');
    return new Permit(this, true);
  }

  /**
   * What the trial said, told to the policy only once known: a success closes the circuit, a
   * counted failure opens it again (for longer); an outcome that says nothing about the upstream
   * (the client went away; a slow answer from an upstream its probe finds ready) neither closes
   * nor opens it — the next call is the trial — so no client can hold a circuit open by the
   * way it calls.
   */
  settleTrial(outcome: CallOutcome): Promise<void> {
    const tell = (counted: boolean) => {
      this.trialInFlight = false;
      return this.policy.execute(() => (counted ? Promise.reject(COUNTED) : Promise.resolve())).then(noop, noop);
    };
    const rearm = () => {
      this.trialInFlight = false;
      this.trialReady = true;
    };
    if (outcome === 'success') return tell(false);
    if (outcome === 'failure') return tell(true);
    if (outcome === 'ignore') return Promise.resolve(rearm());
    return this.confirmUnhealthy().then((unhealthy) => (unhealthy ? tell(true) : rearm()));
  }

  /** Runs `fn` through the breaker; rejects with CircuitOpenError while the circuit is open. */
  async run<T>(fn: () => Promise<T>, classify: RunClassifier<T> = {}): Promise<T> {
    const permit = this.acquire() as Permit;
    let value: T;
    let outcome: CallOutcome;
    try {
      value = await fn();
      outcome = classify.outcomeOf?.(value) ?? 'success';
    } catch (err) {
      outcome = classify.outcomeOfError?.(err) ?? 'failure';
      permit.settle(outcome);
      // The circuit reflects this call when it settles (a suspected one is not held up by the probe).
      if (outcome !== 'suspect') await permit.accounted;
      throw err;
    }
    permit.settle(outcome);
    if (outcome !== 'suspect') await permit.accounted;
    return value;
  }

  /**
   * Whether the upstream is unhealthy now, by its readiness probe (shared by the suspected
   * failures of a short while). Without a probe every suspected failure counts.
   */
  confirmUnhealthy(): Promise<boolean> {
    if (!this.probe) return Promise.resolve(true);
    if (!this.verdict) {
      const v = this.probe().then(
        () => false,
        () => true,
      );
      this.verdict = v;
      void v.then(() => setTimeout(() => this.verdict === v && (this.verdict = undefined), VERDICT_MS).unref());
    }
    return this.verdict;
  }

  /**
   * Once the wait is over, asks the upstream's readiness: ready makes the circuit half-open for
   * the next client call (the trial); not ready counts as a failed trial (the circuit stays open,
   * the next wait is longer, and the next probe is scheduled by the policy's break).
   */
  private scheduleProbe(): void {
    clearTimeout(this.trialTimer);
    if (this.disposed) return;
    // A millisecond late rather than early: the policy measures the wait with its own clock reading.
    this.trialTimer = setTimeout(() => {
      this.trialTimer = undefined;
      if (this.policy.state !== CircuitState.Open || this.disposed) return;
      this.probe!().then(
        () => {
          if (this.policy.state !== CircuitState.Open || this.disposed) return;
          this.trialReady = true;
          this.moveTo('half_open');
        },
        () => {
          this.policy.execute(() => Promise.reject(COUNTED)).catch((err: unknown) => {
            // Still too early for the policy: try again when it agrees.
            if (isBrokenCircuitError(err) && this.policy.state === CircuitState.Open && !this.trialTimer) this.scheduleProbe();
          });
        },
      );
    }, Math.max(0, this.openedAt + this.delay - Date.now()) + 1);
    this.trialTimer.unref();
  }

  /** Stops the trial timer (the process is closing). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.trialTimer);
  }
}

/** One admitted call; its outcome is the promise the policy waits on. A class: the gateway takes one per request. */
class Permit implements BreakerPermit {
  readonly outcome: Promise<void>;
  /** Settles once the policy has taken the outcome into account. */
  accounted: Promise<void> = Promise.resolve();
  private resolve!: () => void;
  private reject!: (err: Error) => void;
  private settled = false;

  constructor(
    private readonly breaker: CircuitBreaker,
    /** The half-open trial: told to the breaker once settled (see settleTrial). */
    private readonly trial: boolean,
  ) {
    this.outcome = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  success(): void {
    this.settle('success');
  }

  failure(): void {
    this.settle('failure');
  }

  suspect(): void {
    this.settle('suspect');
  }

  cancel(): void {
    this.settle('ignore');
  }

  settle(outcome: CallOutcome): void {
    if (this.settled) return;
    this.settled = true;
    if (this.trial) this.accounted = this.breaker.settleTrial(outcome);
    else if (outcome === 'success') this.resolve();
    else if (outcome === 'failure') this.reject(COUNTED);
    else if (outcome === 'ignore') this.reject(NOT_COUNTED);
    else
      void this.breaker.confirmUnhealthy().then((unhealthy) => this.reject(unhealthy ? COUNTED : NOT_COUNTED));
  }
}
