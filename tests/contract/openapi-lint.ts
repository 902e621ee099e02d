import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One finding of Redocly's linter. */
export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  pointer: string;
}

/**
 * Findings the API keeps on purpose, each with its reason. Redocly's recommended rules expect every
 * operation to have a 2xx and a 4xx answer; these cannot have one, and a made-up one would be a lie.
 */
export const ACCEPTED_WARNINGS: ReadonlyArray<{ ruleId: string; pointer: RegExp; why: string }> = [
  { ruleId: 'operation-2xx-response', pointer: /~1auth~1oauth~1\{provider\}~1(start|callback)\/get\/responses$/, why: 'an OAuth redirect answers 302 only' },
  { ruleId: 'operation-4xx-response', pointer: /^#\/paths\/~1api~1v1~1openapi\.json\/get\/responses$/, why: "the gateway's own document takes no input and no token, and is not rate limited" },
];

const CLI = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** Lints an OpenAPI document with Redocly's recommended rules (its CLI, as `redocly lint` runs them). */
export async function lintOpenApi(doc: unknown): Promise<LintProblem[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mercato-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc));
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, 'lint', file, '--extends=recommended', '--format=json', '--max-problems=10000'],
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
        // The CLI exits 1 when it finds an error; its JSON report is on stdout either way.
        (err, stdout) => (stdout.trim().startsWith('{') ? resolve(stdout) : reject(err ?? new Error('redocly printed no report'))),
      );
    });
    const report = JSON.parse(out) as { problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }[] };
    return report.problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, pointer: p.location[0]?.pointer ?? '' }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The findings that count: every error, and the warnings not accepted above. */
export function unexpected(problems: readonly LintProblem[]): LintProblem[] {
  return problems.filter((p) => p.severity === 'error' || !ACCEPTED_WARNINGS.some((a) => a.ruleId === p.ruleId && a.pointer.test(p.pointer)));
}
