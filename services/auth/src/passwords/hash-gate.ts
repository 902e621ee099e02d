import { ServiceUnavailable } from '@mercato/chassis';

/** Sign-ins go first: a flood of registrations or resets must not keep people from signing in. */
export type HashPriority = 'sign-in' | 'other';

export interface HashGateOptions {
  /** Hashes running at once (each takes 128 MiB at OWASP's scrypt cost). */
  concurrency: number;
  /** Hashes waiting at most; past this a request is refused at once with 503 busy. */
  maxQueue: number;
  /** Retry-After of that refusal, in seconds. */
  retryAfterS?: number;
}

interface Waiting {
  start: () => void;
}

/**
 * Bounds the password hashing of this process: at most `concurrency` scrypt runs at once, at
 * most `maxQueue` waiting (sign-ins served before the rest), and past that a fast 503 `busy`
 * with `Retry-After` instead of a wait that only grows. Memory stays bounded (concurrency ×
 * 128 MiB), and a flood of expensive requests costs its senders a refusal, not everyone a
 * slow sign-in.
 */
export class HashGate {
  private running = 0;
  private readonly queues: Record<HashPriority, Waiting[]> = { 'sign-in': [], other: [] };
  /** Requests refused because the queue was full (for tests and metrics). */
  refused = 0;

  constructor(private readonly opts: HashGateOptions) {}

  get waiting(): number {
    return this.queues['sign-in'].length + this.queues.other.length;
  }

  async run<T>(priority: HashPriority, work: () => Promise<T>): Promise<T> {
    if (this.running >= this.opts.concurrency) {
      if (this.waiting >= this.opts.maxQueue) {
        this.refused++;
        throw new ServiceUnavailable('Too many password checks are in progress; try again in a moment', this.opts.retryAfterS ?? 1, 'busy');
      }
      await new Promise<void>((start) => this.queues[priority].push({ start }));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // The slot passes to the next waiter (sign-ins first), or is given back.
      const next = this.queues['sign-in'].shift() ?? this.queues.other.shift();
      if (next) next.start();
      else this.running--;
    }
  }
}
