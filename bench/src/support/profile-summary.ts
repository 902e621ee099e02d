// Sums the self time of a V8 CPU profile (.cpuprofile) per package or source folder and per
// function, busiest first:
//
//   node --import tsx bench/src/support/profile-summary.ts <file.cpuprofile> [--top 40]
import { readFileSync } from 'node:fs';
import { argNumber } from './args.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv.slice(2).find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [--top 40]');
const top = argNumber('top', 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const parents = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
/** Under the inspector's own calls (a profile taken with node:inspector ends in its stop). */
const profiling = (id: number): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) if (frames.get(at)!.url === 'node:inspector') return true;
  return false;
};
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (!profiling(id)) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

/** node_modules package, a source folder of ours, node's internals, or V8's own entries. */
function packageOf(f: CallFrame): string {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url);
  if (dep) return dep[1]!;
  if (f.url.startsWith('node:')) return 'node internals';
  const ours = /((?:services|packages|bench)\/[^/]+\/src\/[^/]+)/.exec(f.url);
  if (ours) return ours[1]!;
  return f.url ? f.url : f.functionName.startsWith('(') ? f.functionName : '(native)';
}
const where = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/((?:services|packages|bench)\/)/, '$1')}:${f.lineNumber + 1}`;

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const f = frames.get(id)!;
  total += us;
  if (f.functionName === '(idle)') idle += us;
  byPackage.set(packageOf(f), (byPackage.get(packageOf(f)) ?? 0) + us);
  byFunction.set(where(f), (byFunction.get(where(f)) ?? 0) + us);
}
const busy = total - idle;
const print = (m: Map<string, number>, n: number) => {
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`${(total / 1000).toFixed(0)} ms profiled, ${(busy / 1000).toFixed(0)} ms busy (shares below: of the busy time)`);
console.log('— by package or folder');
print(byPackage, 25);
console.log('— by function');
print(byFunction, top);
