import { InvalidData } from '@mercato/chassis';
import type { CatalogDeps } from '../deps.js';
import type { ProductPatchBody } from './product.input.js';
import { productRuleErrors, type Product } from './product.js';
import { SlugTaken, uniqueViolation } from './product.errors.js';
import { productsStore } from './products.store.js';
import { changeProduct, resolveCategories } from './write-product.js';
import { mediaNamedIn, resolveImages } from '../media/product-images.js';

/** Changes product fields. Changing the options must keep every variant valid. */
export function updateProduct(deps: CatalogDeps, idOrSlug: string, ifMatch: string | undefined, patch: ProductPatchBody): Promise<Product> {
  return changeProduct(deps, idOrSlug, ifMatch, async (tx, current) => {
    const errors = patch.options ? productRuleErrors({ options: patch.options, variants: current.variants.map((v) => ({ ...v, prices: [] })) }) : [];
    // Variant rule errors point at existing variants, not at the patch.
    const categories = patch.categories ? await resolveCategories(tx, patch.categories, '/categories') : null;
    if (categories) errors.push(...categories.errors);
    const images = patch.images ? resolveImages(await mediaNamedIn(tx, [patch.images]), patch.images, '/images') : null;
    if (images) errors.push(...images.errors);
    if (errors.length > 0) throw new InvalidData('The change breaks one or more catalog rules', errors);
    if (patch.slug && patch.slug !== current.slug && (await productsStore.slugsTaken(tx, [patch.slug], current.id)).length > 0) {
      throw new SlugTaken(patch.slug);
    }
    const { categories: _refs, images: _images, ...fields } = patch;
    try {
      await productsStore.updateFields(tx, current.id, { ...fields, ...(images ? { images: images.images } : {}) });
    } catch (err) {
      throw uniqueViolation(err, patch.slug, []) ?? err;
    }
    if (categories) await productsStore.setCategories(tx, current.id, categories.ids);
  });
}
