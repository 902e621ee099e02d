// A deterministic catalog of any size for the benchmarks: plausible titles and descriptions
// (so full-text search has realistic word statistics), options, variants and two currencies.

const COLOURS = ['Blue', 'Navy', 'Red', 'Green', 'Black', 'White', 'Grey', 'Olive', 'Sand', 'Rust', 'Teal', 'Plum'];
const MATERIALS = ['Cotton', 'Linen', 'Wool', 'Denim', 'Leather', 'Silk', 'Canvas', 'Suede', 'Bamboo', 'Cashmere', 'Ceramic', 'Oak', 'Steel'];
const STYLES = ['Classic', 'Slim', 'Relaxed', 'Everyday', 'Heritage', 'Urban', 'Coastal', 'Alpine', 'Studio', 'Vintage', 'Modern', 'Essential'];
const NOUNS = ['Shirt', 'T-Shirt', 'Jacket', 'Sweater', 'Trousers', 'Shorts', 'Dress', 'Skirt', 'Hoodie', 'Coat', 'Sneakers', 'Boots', 'Backpack', 'Tote', 'Scarf', 'Beanie', 'Mug', 'Lamp', 'Blanket', 'Cushion'];
const USES = ['for city days', 'for the weekend', 'built to last', 'for travel', 'for the office', 'for cold mornings', 'for summer evenings'];

export interface SyntheticProduct {
  slug: string;
  title: string;
  description: string;
  status: 'published';
  attributes: Record<string, string>;
  options: Array<{ name: string; values: string[] }>;
  variants: Array<{ sku: string; options: Record<string, string>; prices: Array<{ amount: number; currency: string }> }>;
  categories?: string[];
}

/** The categories of the synthetic catalog (one per kind of product), to create before its products. */
export const SYNTHETIC_CATEGORIES: ReadonlyArray<{ slug: string; name: string }> = NOUNS.map((noun) => ({ slug: categorySlug(noun), name: `${noun}s` }));

function categorySlug(noun: string): string {
  return noun.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** `n` products; product i is the same in every run. */
export function syntheticProducts(n: number, opts: { categories?: boolean } = {}): SyntheticProduct[] {
  const out: SyntheticProduct[] = [];
  for (let i = 0; i < n; i++) {
    const pick = <T>(list: readonly T[], salt: number) => list[(i * 7919 + salt * 104729 + Math.floor(i / list.length)) % list.length]!;
    const colour = pick(COLOURS, 1);
    const material = pick(MATERIALS, 2);
    const style = pick(STYLES, 3);
    const noun = pick(NOUNS, 4);
    const title = `${style} ${colour} ${material} ${noun}`;
    const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
    const sizes = ['S', 'M', 'L', 'XL'].slice(0, 1 + (i % 4));
    const base = 1500 + ((i * 37) % 200) * 100;
    out.push({
      slug,
      title,
      description: `A ${style.toLowerCase()} ${noun.toLowerCase()} in ${colour.toLowerCase()} ${material.toLowerCase()}, ${pick(USES, 5)}. Made with care and easy to look after.`,
      status: 'published',
      attributes: { material: material.toLowerCase(), colour: colour.toLowerCase() },
      options: [{ name: 'Size', values: sizes }],
      variants: sizes.map((size, k) => ({
        sku: `SYN-${i}-${size}`,
        options: { Size: size },
        prices: [
          { amount: base + k * 200, currency: 'USD' },
          { amount: Math.round(((base + k * 200) * 0.92) / 100) * 100 - 1, currency: 'EUR' },
        ],
      })),
      // In the category of its kind (SYNTHETIC_CATEGORIES, which must exist first).
      ...(opts.categories ? { categories: [categorySlug(noun)] } : {}),
    });
  }
  return out;
}
