import { Conflict, NotFound, PreconditionFailed } from '@mercato/chassis';

export class ProductNotFound extends NotFound {
  constructor() {
    super('No product has this id or slug');
  }
}
export class VariantNotFound extends NotFound {
  constructor() {
    super('The product has no variant with this id');
  }
}
export class PriceNotFound extends NotFound {
  constructor(currency: string) {
    super(`The variant has no price in ${currency}`);
  }
}
export class SlugTaken extends Conflict {
  constructor(slug: string) {
    super(`Another product already uses the slug "${slug}"`, { field: 'slug', value: slug }, 'slug_taken');
  }
}
export class SkuTaken extends Conflict {
  constructor(skus: readonly string[]) {
    super(`SKU already in use by another product: ${skus.join(', ')}`, { field: 'sku', skus: [...skus] }, 'sku_taken');
  }
}
export class StaleProduct extends PreconditionFailed {
  constructor(current: string) {
    super(`The product has changed since you read it (it is now ${current}); read it again and reapply your change`);
  }
}

/** Postgres unique violations → the conflict a client can act on. */
export function uniqueViolation(err: unknown, slug: string | undefined, skus: readonly string[]): Error | null {
  const e = err as { code?: string; constraint?: string };
  if (e?.code !== '23505') return null;
  if (e.constraint === 'products_slug_key') return new SlugTaken(slug ?? '');
  if (e.constraint === 'variants_sku_key') return new SkuTaken(skus);
  return null;
}
