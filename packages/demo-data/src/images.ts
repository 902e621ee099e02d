import { luminance, shade } from './colours.js';
import { drawIcon, type IconKind } from './icons.js';

/** Everything needed to draw one demo image; the SVG itself is rendered on request. */
export interface ImageSpec {
  title: string;
  /** Base colour, `#rrggbb`. */
  colour: string;
  icon: IconKind;
  /** 0 front, 1 back, 2 detail, 3 side: each a different colour treatment. */
  treatment: number;
}

export const IMAGE_URL_PREFIX = '/api/v1/media/demo/';

export function imageUrl(name: string): string {
  return `${IMAGE_URL_PREFIX}${name}.svg`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** Splits a title into at most two lines of roughly `width` characters. */
export function wrapTitle(title: string, width = 24): string[] {
  if (title.length <= width) return [title];
  const words = title.split(' ');
  let first = '';
  while (words.length > 0 && (first === '' || first.length + 1 + (words[0]?.length ?? 0) <= width)) {
    first = first === '' ? (words.shift() ?? '') : `${first} ${words.shift() ?? ''}`;
  }
  let second = words.join(' ');
  if (second.length > width + 4) second = `${second.slice(0, width + 1).trimEnd()}…`;
  return second === '' ? [first] : [first, second];
}

const DARK_INK = '#1f2933';
const LIGHT_INK = '#ffffff';

export function renderSvg(spec: ImageSpec): string {
  const base = spec.colour;
  const treatment = ((spec.treatment % 4) + 4) % 4;
  let from: string;
  let to: string;
  let ink: string;
  if (treatment === 1) {
    // A pale tint of the colour, the product drawn in the colour itself.
    from = shade(base, 0.85);
    to = shade(base, 0.7);
    ink = luminance(base) > 0.75 ? shade(base, -0.45) : base;
  } else {
    from = treatment === 2 ? base : shade(base, 0.3);
    to = treatment === 2 ? shade(base, -0.35) : shade(base, -0.1);
    ink = luminance(from) > 0.62 ? DARK_INK : LIGHT_INK;
  }
  const text = luminance(to) > 0.55 ? DARK_INK : LIGHT_INK;
  const gradient = treatment === 2 ? 'x1="0" y1="0" x2="0" y2="1"' : treatment === 3 ? 'x1="1" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="1"';
  const icon = drawIcon(spec.icon, ink, treatment === 1 ? from : to);
  const placed = treatment === 3 ? `<g transform="translate(400 345) scale(1.25) translate(-400 -345)">${icon}</g>` : icon;
  const lines = wrapTitle(spec.title);
  const title = escapeXml(spec.title);
  const y = lines.length === 1 ? 680 : 650;
  const textEls = lines
    .map((l, i) => `<text x="400" y="${y + i * 58}" text-anchor="middle" font-family="system-ui,Helvetica,Arial,sans-serif" font-size="46" font-weight="600" fill="${text}">${escapeXml(l)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img" aria-label="${title}">` +
    `<defs><linearGradient id="bg" ${gradient}><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="800" height="800" fill="url(#bg)"/>` +
    `<text x="400" y="90" text-anchor="middle" font-family="system-ui,Helvetica,Arial,sans-serif" font-size="22" letter-spacing="6" fill="${text}" opacity="0.7">MERCATO DEMO</text>` +
    placed +
    textEls +
    `</svg>`
  );
}
