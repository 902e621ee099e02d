/** Named colours used in titles, Colour options and image backgrounds, with their SKU codes. */
const COLOURS: Readonly<Record<string, readonly [hex: string, code: string]>> = {
  Black: ['#23252b', 'BLK'],
  Blue: ['#2f6fd1', 'BLU'],
  Brown: ['#7a5233', 'BRN'],
  Burgundy: ['#7a2437', 'BUR'],
  Charcoal: ['#3a3d42', 'CHR'],
  Cream: ['#efe6cf', 'CRM'],
  Green: ['#3f7d4e', 'GRN'],
  Grey: ['#8a8f98', 'GRY'],
  Indigo: ['#3b3f8f', 'IND'],
  Khaki: ['#a99b6b', 'KHK'],
  Navy: ['#1f2f57', 'NVY'],
  Olive: ['#6b7040', 'OLV'],
  Pink: ['#e59ab0', 'PNK'],
  Red: ['#c8373a', 'RED'],
  Sage: ['#9cae8f', 'SGE'],
  Sand: ['#d9c29a', 'SND'],
  Silver: ['#c0c4c8', 'SLV'],
  Tan: ['#b8895a', 'TAN'],
  Terracotta: ['#c46a4a', 'TER'],
  White: ['#f4f4f1', 'WHT'],
  Yellow: ['#e8c547', 'YEL'],
};

export const COLOUR_NAMES: readonly string[] = Object.keys(COLOURS);

export function colourHex(name: string): string {
  return COLOURS[name]?.[0] ?? '#6b7280';
}

export function colourCode(name: string): string {
  return COLOURS[name]?.[1] ?? skuCode(name);
}

/** A SKU fragment for an option value: `M` → `M`, `1.7 L` → `17L`, `S/M` → `SM`. */
export function skuCode(value: string): string {
  const code = value.toUpperCase().replace(/[^A-Z0-9]+/g, '').slice(0, 8);
  return code === '' ? 'X' : code;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Mixes `hex` towards white (amount > 0) or black (amount < 0). */
export function shade(hex: string, amount: number): string {
  const target = amount >= 0 ? 255 : 0;
  const t = Math.abs(amount);
  const [r, g, b] = channels(hex);
  return toHex([r + (target - r) * t, g + (target - g) * t, b + (target - b) * t]);
}

/** Relative luminance in [0, 1], enough to choose dark or light ink. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
