// A line chart as a standalone SVG, for reports: a few series over a shared x axis, round ticks,
// a legend, and an optional horizontal limit line. No library: the report's script draws it.

export interface ChartSeries {
  name: string;
  /** [x, y]; points whose y is not a finite number break the line. */
  points: Array<[number, number]>;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  limit?: { value: number; label: string };
  width?: number;
  height?: number;
}

const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df'];

const escape = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** About `count` round tick values from 0 to at least `max`. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export function lineChart(c: Chart): string {
  const width = c.width ?? 720;
  const height = c.height ?? 320;
  const m = { left: 60, right: 20, top: 36, bottom: 64 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const finite = c.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xTicks = ticks(Math.max(1, ...finite.map(([x]) => x)), 8);
  const yTicks = ticks(Math.max(1, ...finite.map(([, y]) => y), c.limit?.value ?? 0), 5);
  const xMax = xTicks[xTicks.length - 1]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const sx = (x: number) => m.left + (x / xMax) * w;
  const sy = (y: number) => m.top + h - (y / yMax) * h;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${m.left}" y="20" font-size="14" font-weight="600" fill="#1f2328">${escape(c.title)}</text>`);
  for (const y of yTicks) {
    out.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#d0d7de" stroke-width="1"/>`);
    out.push(`<text x="${m.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end" fill="#57606a">${y}</text>`);
  }
  for (const x of xTicks) {
    out.push(`<line x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${m.top + h}" y2="${m.top + h + 4}" stroke="#57606a"/>`);
    out.push(`<text x="${sx(x).toFixed(1)}" y="${m.top + h + 18}" text-anchor="middle" fill="#57606a">${x}</text>`);
  }
  out.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${m.top + h}" y2="${m.top + h}" stroke="#57606a"/>`);
  out.push(`<text x="${m.left + w / 2}" y="${m.top + h + 36}" text-anchor="middle" fill="#57606a">${escape(c.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${m.top + h / 2}) rotate(-90)" text-anchor="middle" fill="#57606a">${escape(c.yLabel)}</text>`);
  if (c.limit) {
    const y = sy(c.limit.value).toFixed(1);
    out.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${y}" y2="${y}" stroke="#cf222e" stroke-dasharray="6 4" stroke-width="1"/>`);
    out.push(`<text x="${m.left + w - 4}" y="${Number(y) - 4}" text-anchor="end" fill="#cf222e">${escape(c.limit.label)}</text>`);
  }
  c.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    // Runs of finite points, each its own polyline.
    const runs: string[][] = [[]];
    for (const [x, y] of s.points) {
      if (Number.isFinite(x) && Number.isFinite(y)) runs[runs.length - 1]!.push(`${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
      else if (runs[runs.length - 1]!.length > 0) runs.push([]);
    }
    for (const r of runs) if (r.length > 0) out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${r.join(' ')}"/>`);
    const lx = m.left + i * 150;
    const ly = height - 12;
    out.push(`<line x1="${lx}" x2="${lx + 20}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`);
    out.push(`<text x="${lx + 26}" y="${ly}" fill="#1f2328">${escape(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
