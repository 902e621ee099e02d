import type { IconKind } from './icons.js';

/** A non-colour option (Size, Capacity, Length…) and the extra USD (whole dollars) each value costs. */
export interface OptionSpec {
  name: string;
  values: readonly string[];
  premium?: readonly number[];
  /** Sell a contiguous run of at least this many values (default: all of them). */
  minCount?: number;
  /** Chance that a product offers this option at all (default 1). */
  chance?: number;
}

export interface ItemSpec {
  name: string;
  material: string;
  /** A clause appended to the first sentence of the description. */
  detail?: string;
  /** Overrides the leaf's option; `null` for none. */
  option?: OptionSpec | null;
  /** `false` when this item never comes in a Colour option. */
  colour?: boolean;
  icon?: IconKind;
}

/** How the products of one leaf category are generated. */
export interface LeafSpec {
  category: string;
  /** A second category some products are also filed under. */
  extra?: { category: string; chance: number };
  count: number;
  /** SKU prefix, upper case. */
  prefix: string;
  icon: IconKind;
  /** Base price range in whole USD. */
  price: readonly [number, number];
  items: readonly ItemSpec[];
  adjectives: readonly string[];
  colours: readonly string[];
  /** Chance that a generated title carries a colour ("Blue Oxford Shirt"); such products have no Colour option. */
  colourInTitle: number;
  /** Chance that a product without a colour in its title offers a Colour option. */
  colourOption: number;
  option?: OptionSpec;
  /** Fixed products placed first: [title, item name, colour or null]. */
  featured?: ReadonlyArray<readonly [string, string, string | null]>;
  uses: readonly string[];
  /** At most two extra attributes, each picked from its list. */
  attrs: Readonly<Record<string, readonly string[]>>;
  brands: readonly string[];
  care: readonly string[];
  origins: readonly string[];
}

export const LETTER_SIZES: OptionSpec = { name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL'], premium: [0, 0, 0, 0, 2], minCount: 4 };
