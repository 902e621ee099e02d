/**
 * Told, once a write has committed, that what a service served publicly may have changed: an
 * edge cache in the same process (the gateway, in the embedded mode) drops what it kept. Between
 * processes the same news travels through a shared generation in Redis instead.
 */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();
  /** Moves on at every change: an answer kept under an older one is stale. */
  generation = 0;

  /** Calls `listener` after every change; answers the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.generation++;
    for (const listener of this.listeners) listener();
  }
}
