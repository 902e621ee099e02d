import { startTracing } from '@mercato/chassis/tracing';

// The process entry. Tracing starts first when OTEL_EXPORTER_OTLP_ENDPOINT asks for it: its
// instrumentations patch http, pg and amqplib as they load, so the platform is imported after.
// Without it nothing of OpenTelemetry is loaded. The platform itself is in run.ts.

function serviceName(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--service' && argv[i + 1]) return argv[i + 1]!;
    if (arg.startsWith('--service=')) return arg.slice('--service='.length);
  }
  // The embedded mode runs every service in one process.
  return process.env.SERVICE || 'mercato';
}

try {
  await startTracing(serviceName(process.argv.slice(2)));
} catch (err) {
  console.error(`mercato could not start tracing: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
await import('./run.js');
