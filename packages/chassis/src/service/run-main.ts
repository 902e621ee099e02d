import { ConfigError } from '../config/config.js';

/**
 * The body of every `main.ts`: start, then on SIGTERM/SIGINT stop gracefully within the
 * shutdown limit (stop accepting, drain in-flight requests, stop consumers, flush), or exit
 * non-zero. A configuration error prints its one line and exits 1.
 */
export async function runMain(
  start: () => Promise<{ stop: () => Promise<void>; logger?: { info: (m: string) => void; error: (o: object, m: string) => void } }>,
  opts: { shutdownTimeoutMs?: number } = {},
): Promise<void> {
  let handle: Awaited<ReturnType<typeof start>>;
  try {
    handle = await start();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
    } else {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    handle.logger?.info(`${signal} received; shutting down`);
    const limit = setTimeout(() => {
      console.error(`shutdown did not finish within ${opts.shutdownTimeoutMs ?? 15_000} ms; exiting`);
      process.exit(1);
    }, opts.shutdownTimeoutMs ?? 15_000);
    limit.unref();
    handle
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error('shutdown failed', err);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
