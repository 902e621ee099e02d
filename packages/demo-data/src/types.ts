export interface DemoCategory {
  slug: string;
  name: string;
  /** The parent's slug, or null for a top-level category. */
  parent: string | null;
}

export interface DemoImage {
  url: string;
  alt: string;
}

/** Integer minor units (cents for USD and EUR, yen for JPY), ISO 4217 currency code. */
export interface DemoPrice {
  amount: number;
  currency: string;
}

export interface DemoVariant {
  sku: string;
  title?: string;
  options: Record<string, string>;
  prices: DemoPrice[];
}

export interface DemoProduct {
  slug: string;
  title: string;
  description: string;
  status: 'published';
  categories: string[];
  images: DemoImage[];
  attributes: Record<string, string>;
  seo: { title: string; description: string };
  options: Array<{ name: string; values: string[] }>;
  variants: DemoVariant[];
}

export interface DemoStockEntry {
  sku: string;
  onHand: number;
}

export interface DemoReview {
  /** Unique and stable: `<product slug>:<n>`. */
  key: string;
  productSlug: string;
  authorName: string;
  rating: number;
  title: string;
  body: string;
  pros: string | null;
  cons: string | null;
  verifiedPurchase: boolean;
  /** How many days before the seeding it was written (spreads the dates believably). */
  daysAgo: number;
}
