/**
 * Simple shape icons for the demo images, drawn in an 800×800 canvas around (400, 340).
 * `ink` fills the shape; `accent` draws details (buttons, seams) over it.
 */
export type IconKind =
  | 'shirt' | 'tshirt' | 'trousers' | 'shorts' | 'jacket' | 'dress' | 'skirt'
  | 'sneaker' | 'boot' | 'sandal' | 'bag' | 'hat' | 'belt' | 'scarf'
  | 'mug' | 'vase' | 'pillow' | 'lamp' | 'headphones' | 'speaker' | 'plug' | 'bulb';

type Icon = (ink: string, accent: string) => string;

const line = (d: string, colour: string, width = 8): string =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;

const ICONS: Readonly<Record<IconKind, Icon>> = {
  shirt: (ink, accent) =>
    `<path d="M300 180L360 160Q400 200 440 160L500 180L590 270L545 320L505 290V520H295V290L255 320L210 270Z" fill="${ink}"/>` +
    line('M360 160L400 215L440 160M400 215V520', accent, 6) +
    [260, 320, 380, 440].map((y) => `<circle cx="412" cy="${y}" r="7" fill="${accent}"/>`).join(''),
  tshirt: (ink, accent) =>
    `<path d="M310 180L365 165Q400 205 435 165L490 180L580 250L535 305L495 280V510H305V280L265 305L220 250Z" fill="${ink}"/>` +
    line('M365 165Q400 205 435 165', accent, 6),
  trousers: (ink, accent) =>
    `<path d="M300 170H500L530 520H440L400 280L360 520H270Z" fill="${ink}"/>` + line('M300 200H500M400 200V280', accent, 6),
  shorts: (ink, accent) =>
    `<path d="M290 200H510L545 430H425L400 310L375 430H255Z" fill="${ink}"/>` + line('M290 230H510M400 230V310', accent, 6),
  jacket: (ink, accent) =>
    `<path d="M300 170L360 150L400 190L440 150L500 170L600 290L550 330L510 300V530H290V300L250 330L200 290Z" fill="${ink}"/>` +
    line('M400 190V530M330 420H370M430 420H470', accent, 6),
  dress: (ink, accent) =>
    `<path d="M355 160H445L440 240L550 530H250L360 240Z" fill="${ink}"/>` + line('M360 240H440', accent, 8),
  skirt: (ink, accent) =>
    `<path d="M330 220H470L555 500H245Z" fill="${ink}"/>` + line('M330 245H470M360 260L320 490M440 260L480 490', accent, 6),
  sneaker: (ink, accent) =>
    `<path d="M210 430Q215 320 290 320L350 330Q410 380 500 385Q600 390 610 450V470H210Z" fill="${ink}"/>` +
    `<rect x="200" y="465" width="420" height="38" rx="14" fill="${accent}"/>` + line('M330 345L370 330M360 365L400 350M390 380L430 365', accent, 6),
  boot: (ink, accent) =>
    `<path d="M300 180H430L435 370Q530 385 585 425Q605 445 600 470H295Z" fill="${ink}"/>` +
    `<rect x="285" y="465" width="325" height="40" rx="10" fill="${accent}"/>` + line('M300 230H430', accent, 6),
  sandal: (ink, accent) =>
    `<ellipse cx="400" cy="460" rx="230" ry="55" fill="${ink}"/>` + line('M260 450Q300 330 360 450M420 450Q480 320 540 450', ink, 26) +
    line('M220 470Q400 520 600 470', accent, 6),
  bag: (ink, accent) =>
    line('M320 300Q320 190 400 190Q480 190 480 300', ink, 22) +
    `<path d="M240 290H560L585 540H215Z" fill="${ink}"/>` + line('M260 350H540', accent, 6),
  hat: (ink, accent) =>
    `<path d="M265 410Q265 235 400 235Q535 235 535 410Z" fill="${ink}"/>` +
    `<path d="M235 405H600Q610 450 560 450H235Z" fill="${ink}"/>` + line('M400 240V405M330 330Q400 300 470 330', accent, 6),
  belt: (ink, accent) =>
    `<rect x="140" y="310" width="520" height="70" rx="12" fill="${ink}"/>` +
    `<rect x="470" y="285" width="110" height="120" rx="16" fill="none" stroke="${accent}" stroke-width="14"/>` +
    line('M500 345H560', accent, 10),
  scarf: (ink, accent) =>
    `<path d="M300 170H420V420H500V560H380V300H300Z" fill="${ink}"/>` +
    line('M390 570V600M420 570V600M450 570V600M480 570V600', ink, 6) + line('M300 230H420M380 470H500', accent, 6),
  mug: (ink, accent) =>
    `<rect x="260" y="220" width="230" height="280" rx="28" fill="${ink}"/>` + line('M490 280Q580 280 580 360Q580 440 490 440', ink, 26) +
    line('M330 180Q345 150 330 120M390 180Q405 150 390 120M450 180Q465 150 450 120', ink, 8) + line('M290 270H460', accent, 6),
  vase: (ink, accent) =>
    `<path d="M360 160H440V210Q530 280 520 420Q510 530 400 530Q290 530 280 420Q270 280 360 210Z" fill="${ink}"/>` +
    line('M300 380Q400 420 500 380', accent, 6),
  pillow: (ink, accent) =>
    `<path d="M220 240Q400 210 580 240Q610 340 580 440Q400 470 220 440Q190 340 220 240Z" fill="${ink}"/>` +
    line('M260 280Q400 260 540 280M260 400Q400 420 540 400', accent, 6),
  lamp: (ink, accent) =>
    `<path d="M320 170H480L540 330H260Z" fill="${ink}"/>` + line('M400 330V500', ink, 14) +
    `<rect x="320" y="495" width="160" height="30" rx="10" fill="${ink}"/>` + line('M300 300H500', accent, 6),
  headphones: (ink, accent) =>
    line('M270 400V320Q270 190 400 190Q530 190 530 320V400', ink, 26) +
    `<rect x="235" y="360" width="80" height="150" rx="30" fill="${ink}"/><rect x="485" y="360" width="80" height="150" rx="30" fill="${ink}"/>` +
    line('M275 400V470M525 400V470', accent, 6),
  speaker: (ink, accent) =>
    `<rect x="285" y="160" width="230" height="370" rx="30" fill="${ink}"/>` +
    `<circle cx="400" cy="420" r="70" fill="${accent}"/><circle cx="400" cy="420" r="28" fill="${ink}"/><circle cx="400" cy="250" r="32" fill="${accent}"/>`,
  plug: (ink, accent) =>
    `<rect x="300" y="230" width="200" height="200" rx="30" fill="${ink}"/>` + line('M360 230V160M440 230V160', ink, 22) +
    line('M400 430V480Q400 540 470 540H560', ink, 14) + line('M370 330L410 290V340L440 300', accent, 8),
  bulb: (ink, accent) =>
    `<circle cx="400" cy="290" r="130" fill="${ink}"/><rect x="345" y="400" width="110" height="90" rx="12" fill="${ink}"/>` +
    line('M350 435H450M350 465H450', accent, 6) + line('M370 300L400 340L430 300', accent, 6),
};

export function drawIcon(kind: IconKind, ink: string, accent: string): string {
  return ICONS[kind](ink, accent);
}
