import { colourCode, colourHex, skuCode } from './colours.js';
import { imageUrl, type ImageSpec } from './images.js';
import { createRandom, type Random } from './random.js';
import type { ItemSpec, LeafSpec, OptionSpec } from './spec.js';
import { CLOTHING } from './spec-clothing.js';
import { GOODS } from './spec-goods.js';
import type { DemoPrice, DemoProduct, DemoVariant } from './types.js';

export const LEAVES: readonly LeafSpec[] = [...CLOTHING, ...GOODS];

export interface Catalog {
  products: DemoProduct[];
  /** Image name (without `.svg`) → what to draw. */
  images: Map<string, ImageSpec>;
}

const VIEWS = ['front', 'back', 'detail', 'side'] as const;
const SHOP = 'Mercato Demo Shop';

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 190)
    .replace(/^-+|-+$/g, '');
}

/** Cuts text to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** USD from whole dollars: mostly `.99` endings, sometimes round. EUR ≈ 0.92 × USD, JPY ≈ 150 × USD, same style of ending. */
export function pricesFor(dollars: number, ninetyNine: boolean): DemoPrice[] {
  const euros = Math.max(1, Math.round(dollars * 0.92));
  const yen = Math.max(1, Math.round((dollars * 150) / 100)) * 100;
  return [
    { amount: ninetyNine ? dollars * 100 - 1 : dollars * 100, currency: 'USD' },
    { amount: ninetyNine ? euros * 100 - 1 : euros * 100, currency: 'EUR' },
    { amount: ninetyNine ? yen - 20 : yen, currency: 'JPY' },
  ];
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function capitalise(text: string): string {
  const bare = text.replace(/^(a|an) /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** A contiguous run of the option's values (with their premiums), or none when the product skips the option. */
function chooseOption(spec: OptionSpec | null | undefined, rng: Random): { name: string; values: string[]; premium: number[] } | null {
  if (!spec || !rng.chance(spec.chance ?? 1)) return null;
  const all = spec.values.length;
  const length = rng.int(Math.min(spec.minCount ?? all, all), all);
  const start = rng.int(0, all - length);
  return {
    name: spec.name,
    values: spec.values.slice(start, start + length),
    premium: spec.values.slice(start, start + length).map((_, i) => spec.premium?.[start + i] ?? 0),
  };
}

interface Draft {
  title: string;
  item: ItemSpec;
  colour: string | null;
}

function draftTitle(leaf: LeafSpec, index: number, rng: Random, used: Set<string>): Draft {
  const featured = leaf.featured?.[index];
  if (featured) {
    const [title, itemName, colour] = featured;
    const item = leaf.items.find((i) => i.name === itemName);
    if (!item) throw new Error(`featured product ${title}: no item ${itemName} in ${leaf.category}`);
    return { title, item, colour };
  }
  let draft: Draft | undefined;
  for (let attempt = 0; attempt < 25 && (!draft || used.has(draft.title)); attempt++) {
    const item = rng.pick(leaf.items);
    const colour = item.colour !== false && rng.chance(leaf.colourInTitle) ? rng.pick(leaf.colours) : null;
    draft = { title: `${colour ?? rng.pick(leaf.adjectives)} ${item.name}`, item, colour };
  }
  if (!draft) throw new Error(`no title for ${leaf.category}`);
  return draft;
}

function buildProduct(leaf: LeafSpec, index: number, number: number, usedTitles: Set<string>, usedSlugs: Set<string>): { product: DemoProduct; images: Array<[string, ImageSpec]> } {
  const rng = createRandom(`${leaf.category}:${index}`);
  const { title, item, colour } = draftTitle(leaf, index, rng, usedTitles);
  usedTitles.add(title);

  let slug = slugify(title);
  for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(title)}-${n}`;
  usedSlugs.add(slug);

  const size = chooseOption(item.option !== undefined ? item.option : leaf.option, rng);
  const colours = colour === null && item.colour !== false && rng.chance(leaf.colourOption) ? rng.sample(leaf.colours, rng.int(2, 3)) : [];
  const options: DemoProduct['options'] = [];
  if (size) options.push({ name: size.name, values: size.values });
  if (colours.length > 0) options.push({ name: 'Colour', values: colours });

  // Every combination sold, except that a two-option product sometimes skips one or two edge combinations.
  const sizeRows = size ? size.values.map((value, i) => ({ value, premium: size.premium[i] ?? 0 })) : [null];
  const colourRows = colours.length > 0 ? colours : [null];
  const skipped = new Set<string>();
  if (size && size.values.length >= 3 && colours.length >= 2) {
    if (rng.chance(0.35)) skipped.add(`${size.values[0]}|${colours[colours.length - 1]}`);
    if (rng.chance(0.2)) skipped.add(`${size.values[size.values.length - 1]}|${colours[0]}`);
  }

  const dollars = rng.int(leaf.price[0], leaf.price[1]);
  const ninetyNine = rng.chance(0.8);
  const base = `${leaf.prefix}-${String(number).padStart(4, '0')}`;
  const variants: DemoVariant[] = [];
  for (const row of sizeRows) {
    for (const c of colourRows) {
      if (row && c && skipped.has(`${row.value}|${c}`)) continue;
      const chosen: Record<string, string> = {};
      if (row && size) chosen[size.name] = row.value;
      if (c) chosen['Colour'] = c;
      const shade = c ?? colour;
      const sku = [base, ...(shade ? [colourCode(shade)] : []), ...(row ? [skuCode(row.value)] : [])].join('-');
      const variant: DemoVariant = { sku, options: chosen, prices: pricesFor(dollars + (row?.premium ?? 0), ninetyNine) };
      if (options.length > 0) variant.title = Object.values(chosen).join(' / ');
      variants.push(variant);
    }
  }

  const sentences = [
    `The ${title} is made from ${item.material}${item.detail ? `, ${item.detail}` : ''}.`,
    rng.pick(leaf.uses),
  ];
  if (colours.length > 0) sentences.push(`Available in ${joinList(colours.map((c) => c.toLowerCase()))}.`);
  if (size && size.values.length > 1) {
    sentences.push(
      size.name === 'Size' || size.name === 'Waist'
        ? `${size.name === 'Waist' ? 'Waist sizes' : 'Sizes'} ${size.values[0]} to ${size.values[size.values.length - 1]}.`
        : `Choose ${size.name.toLowerCase()}: ${joinList(size.values)}.`,
    );
  }
  const care = rng.pick(leaf.care);
  sentences.push(`${care}.`);
  const description = sentences.join(' ');

  const attributes: Record<string, string> = { brand: rng.pick(leaf.brands), material: capitalise(item.material) };
  if (colour) attributes['colour'] = colour;
  for (const [key, values] of Object.entries(leaf.attrs).slice(0, 2)) attributes[key] = rng.pick(values);
  attributes['care'] = care;
  attributes['origin'] = rng.pick(leaf.origins);
  while (Object.keys(attributes).length > 6) delete attributes[Object.keys(attributes)[2] ?? ''];

  const imageColours = colours.length > 0 ? colours : [colour ?? rng.pick(leaf.colours)];
  const imageCount = Math.min(4, Math.max(1, colours.length > 0 ? colours.length + rng.int(0, 1) : rng.int(1, 3)));
  const images: Array<[string, ImageSpec]> = [];
  const demoImages = Array.from({ length: imageCount }, (_, i) => {
    const name = `${slug}-${i + 1}`;
    const shade = imageColours[i % imageColours.length] ?? 'Grey';
    const view = VIEWS[i] ?? 'front';
    images.push([name, { title, colour: colourHex(shade), icon: item.icon ?? leaf.icon, treatment: i }]);
    return { url: imageUrl(name), alt: colours.length > 0 ? `${title} in ${shade.toLowerCase()}, ${view}` : `${title}, ${view}` };
  });

  const categories = [leaf.category];
  if (leaf.extra && rng.chance(leaf.extra.chance)) categories.push(leaf.extra.category);

  const product: DemoProduct = {
    slug,
    title,
    description,
    status: 'published',
    categories,
    images: demoImages,
    attributes,
    seo: { title: truncate(`${title} | ${SHOP}`.length <= 70 ? `${title} | ${SHOP}` : title, 70), description: truncate(description, 160) },
    options,
    variants,
  };
  return { product, images };
}

export function buildCatalog(): Catalog {
  const products: DemoProduct[] = [];
  const images = new Map<string, ImageSpec>();
  const usedTitles = new Set<string>();
  const usedSlugs = new Set<string>();
  const skus = new Set<string>();
  let number = 0;
  for (const leaf of LEAVES) {
    for (let i = 0; i < leaf.count; i++) {
      const built = buildProduct(leaf, i, ++number, usedTitles, usedSlugs);
      for (const v of built.product.variants) {
        if (skus.has(v.sku)) throw new Error(`duplicate demo SKU ${v.sku}`);
        skus.add(v.sku);
      }
      for (const [name, spec] of built.images) images.set(name, spec);
      products.push(built.product);
    }
  }
  return { products, images };
}
