import s from './charts.module.css';

// A bar chart drawn on the server as SVG (no script, no library to download): bars for one
// series, the maximum and zero on the axis, a label every few bars. The same figures are in a
// table beside it for screen readers and for anyone who wants the numbers.

export interface Bar {
  /** The bar's label on the axis and in the table (e.g. "5 Dec"). */
  label: string;
  value: number;
  /** The value in words (e.g. "$1,234.00"). */
  text: string;
}

export function BarChart({ title, bars, valueHeader, labelHeader, id }: { title: string; bars: Bar[]; valueHeader: string; labelHeader: string; id: string }) {
  const W = 640;
  const H = 180;
  const top = 16;
  const left = 8;
  const bottom = 24;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (W - left * 2) / Math.max(1, bars.length);
  const barW = Math.max(2, slot * 0.7);
  const every = Math.max(1, Math.ceil(bars.length / 8));
  const peak = bars.reduce((best, b) => (b.value > best.value ? b : best), bars[0] ?? { label: '', value: 0, text: '' });
  return (
    <figure className={s.figure}>
      <figcaption id={`${id}-title`} className={s.caption}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className={s.svg} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <desc id={`${id}-desc`}>{`${bars.length} bars; highest ${peak.text} on ${peak.label}`}</desc>
        <line x1={left} x2={W - left} y1={H - bottom} y2={H - bottom} className={s.axis} />
        {bars.map((b, i) => {
          const h = ((H - top - bottom) * b.value) / max;
          const x = left + i * slot + (slot - barW) / 2;
          return (
            <g key={b.label}>
              <rect x={x} y={H - bottom - h} width={barW} height={Math.max(b.value > 0 ? 1 : 0, h)} className={s.bar}>
                <title>{`${b.label}: ${b.text}`}</title>
              </rect>
              {i % every === 0 ? (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" className={s.tick}>
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={W - left} y={12} textAnchor="end" className={s.tick}>
          {peak.text}
        </text>
      </svg>
      <details className={s.details}>
        <summary>{`${title}: table`}</summary>
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td>{b.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
