import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

// The alert rules and the dashboard in deploy/observability: well-formed, and every metric they
// name is one the code exports (a renamed metric would silently blind an alert).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'deploy/observability');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'test'].includes(name) || name.endsWith('.test.ts')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
const code = [...sources(join(ROOT, 'packages/chassis/src')), ...sources(join(ROOT, 'services'))].join('\n');
const exported = new Set([...code.matchAll(/'(mercato_[a-z_]+)'/g)].map((m) => m[1]!));
const SUFFIXES = /_(bucket|count|sum)$/;
const named = (expr: string) => [...expr.matchAll(/\b(mercato_[a-z_]+)\b/g)].map((m) => m[1]!.replace(SUFFIXES, ''));

describe('observability files', () => {
  it('alert rules: each has an expression on exported metrics, a duration, a severity and a summary', () => {
    const doc = YAML.parse(readFileSync(join(DIR, 'alerts.yaml'), 'utf8')) as { groups: Array<{ name: string; rules: Array<Record<string, unknown>> }> };
    const rules = doc.groups.flatMap((g) => g.rules);
    assert.ok(rules.length >= 8);
    const names = new Set<string>();
    for (const r of rules) {
      assert.match(String(r.alert), /^Mercato[A-Za-z]+$/);
      assert.equal(names.has(String(r.alert)), false, `${r.alert} twice`);
      names.add(String(r.alert));
      assert.match(String(r.for), /^\d+[smh]$/, `${r.alert} for`);
      assert.ok(['page', 'ticket'].includes((r.labels as { severity: string }).severity), `${r.alert} severity`);
      assert.ok((r.annotations as { summary?: string }).summary, `${r.alert} summary`);
      for (const m of named(String(r.expr))) assert.ok(exported.has(m), `${r.alert} uses ${m}, which no code exports`);
    }
  });

  it('dashboard: Grafana JSON whose every panel queries exported metrics', () => {
    const dash = JSON.parse(readFileSync(join(DIR, 'grafana-dashboard.json'), 'utf8')) as { uid: string; panels: Array<{ id: number; title: string; targets: Array<{ expr: string }> }> };
    assert.equal(dash.uid, 'mercato-overview');
    assert.equal(new Set(dash.panels.map((p) => p.id)).size, dash.panels.length);
    for (const p of dash.panels) {
      assert.ok(p.targets.length > 0, p.title);
      for (const t of p.targets) for (const m of named(t.expr)) assert.ok(exported.has(m), `${p.title} uses ${m}, which no code exports`);
    }
  });
});
