import { InvalidData } from '@mercato/chassis';
import type { CatalogDeps } from '../deps.js';
import { MAX_VARIANTS, productRuleErrors, type Money, type Product, type VariantInput } from './product.js';
import { PriceNotFound, SkuTaken, uniqueViolation, VariantNotFound } from './product.errors.js';
import { productsStore } from './products.store.js';
import { changeProduct, newVariants } from './write-product.js';

/** Rules for the product's variants after the change, with pointers at the changed variant. */
function check(product: Product, variants: VariantInput[], changedIndex: number): void {
  const errors = productRuleErrors({ options: product.options, variants })
    .filter((e) => e.pointer.startsWith(`/variants/${changedIndex}/`) || e.pointer === `/variants/${changedIndex}` || e.pointer === '/variants')
    .map((e) => ({ ...e, pointer: e.pointer.replace(`/variants/${changedIndex}`, '') || '/' }));
  if (errors.length > 0) throw new InvalidData('The variant breaks one or more catalog rules', errors);
}

export function addVariant(deps: CatalogDeps, idOrSlug: string, ifMatch: string | undefined, input: VariantInput): Promise<Product> {
  return changeProduct(deps, idOrSlug, ifMatch, async (tx, product) => {
    if (product.variants.length >= MAX_VARIANTS) throw new InvalidData(`A product has at most ${MAX_VARIANTS} variants`, [{ pointer: '/', message: 'too many variants' }]);
    const variants = [...product.variants, input];
    check(product, variants, variants.length - 1);
    const taken = await productsStore.skusTaken(tx, [input.sku]);
    if (taken.length > 0) throw new SkuTaken(taken);
    try {
      await productsStore.insertVariants(tx, product.id, newVariants([input]), product.variants.length);
    } catch (err) {
      throw uniqueViolation(err, undefined, [input.sku]) ?? err;
    }
  });
}

export function updateVariant(
  deps: CatalogDeps,
  idOrSlug: string,
  variantId: string,
  ifMatch: string | undefined,
  patch: Partial<VariantInput>,
): Promise<Product> {
  return changeProduct(deps, idOrSlug, ifMatch, async (tx, product) => {
    const index = product.variants.findIndex((v) => v.id === variantId);
    if (index === -1) throw new VariantNotFound();
    const variants: VariantInput[] = product.variants.map((v) => ({ ...v }));
    variants[index] = { ...variants[index]!, ...patch } as VariantInput;
    check(product, variants, index);
    if (patch.sku && patch.sku !== product.variants[index]!.sku) {
      const taken = await productsStore.skusTaken(tx, [patch.sku], product.id);
      if (taken.length > 0) throw new SkuTaken(taken);
    }
    try {
      await productsStore.updateVariant(tx, variantId, patch);
    } catch (err) {
      throw uniqueViolation(err, undefined, patch.sku ? [patch.sku] : []) ?? err;
    }
    if (patch.prices) await productsStore.replacePrices(tx, variantId, patch.prices);
  });
}

export function deleteVariant(deps: CatalogDeps, idOrSlug: string, variantId: string, ifMatch: string | undefined): Promise<Product> {
  return changeProduct(deps, idOrSlug, ifMatch, async (tx, product) => {
    if (!product.variants.some((v) => v.id === variantId)) throw new VariantNotFound();
    if (product.variants.length === 1) {
      throw new InvalidData('A product keeps at least one variant; delete the product instead', [{ pointer: '/', message: 'last variant' }]);
    }
    await productsStore.deleteVariant(tx, variantId);
  });
}

export function setPrice(deps: CatalogDeps, idOrSlug: string, variantId: string, ifMatch: string | undefined, price: Money): Promise<Product> {
  return changeProduct(deps, idOrSlug, ifMatch, async (tx, product) => {
    const variant = product.variants.find((v) => v.id === variantId);
    if (!variant) throw new VariantNotFound();
    check(product, product.variants.map((v) => (v.id === variantId ? { ...v, prices: [...v.prices.filter((p) => p.currency !== price.currency), price] } : v)), product.variants.indexOf(variant));
    await productsStore.setPrice(tx, variantId, price);
  });
}

export function removePrice(deps: CatalogDeps, idOrSlug: string, variantId: string, ifMatch: string | undefined, currency: string): Promise<Product> {
  return changeProduct(deps, idOrSlug, ifMatch, async (tx, product) => {
    if (!product.variants.some((v) => v.id === variantId)) throw new VariantNotFound();
    if (!(await productsStore.deletePrice(tx, variantId, currency))) throw new PriceNotFound(currency);
  });
}
