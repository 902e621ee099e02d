import type { DemoCategory } from './types.js';

/** The demo category tree, parents before children. */
const CATEGORIES: ReadonlyArray<readonly [slug: string, name: string, parent: string | null]> = [
  ['clothing', 'Clothing', null],
  ['men', 'Men', 'clothing'],
  ['men-shirts', 'Shirts', 'men'],
  ['men-t-shirts', 'T-Shirts', 'men'],
  ['men-trousers', 'Trousers', 'men'],
  ['men-shorts', 'Shorts', 'men'],
  ['men-jackets', 'Jackets & Coats', 'men'],
  ['women', 'Women', 'clothing'],
  ['women-dresses', 'Dresses', 'women'],
  ['women-tops', 'Tops & Knitwear', 'women'],
  ['women-skirts', 'Skirts', 'women'],
  ['women-jeans', 'Jeans', 'women'],
  ['shoes', 'Shoes', null],
  ['sneakers', 'Sneakers', 'shoes'],
  ['boots', 'Boots', 'shoes'],
  ['sandals', 'Sandals', 'shoes'],
  ['accessories', 'Accessories', null],
  ['bags', 'Bags', 'accessories'],
  ['hats', 'Hats & Caps', 'accessories'],
  ['belts', 'Belts', 'accessories'],
  ['scarves', 'Scarves', 'accessories'],
  ['home', 'Home', null],
  ['kitchen', 'Kitchen', 'home'],
  ['decor', 'Decor', 'home'],
  ['bedding', 'Bedding', 'home'],
  ['electronics', 'Electronics', null],
  ['audio', 'Audio', 'electronics'],
  ['chargers', 'Chargers & Cables', 'electronics'],
  ['smart-home', 'Smart Home', 'electronics'],
  ['gifts', 'Gift Ideas', null],
];

export function buildCategories(): DemoCategory[] {
  return CATEGORIES.map(([slug, name, parent]) => ({ slug, name, parent }));
}
