import type { paths } from '@mercato/client';

// Shorthands for the API's answers, straight from the generated OpenAPI types.

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type GetOk<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;
export type PostBody<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;

export type CategoryTree = GetOk<'/api/v1/categories'>;
export type CategoryNode = CategoryTree['items'][number];
export type ProductList = GetOk<'/api/v1/products'>;
export type ProductSummary = ProductList['items'][number];
export type Facets = ProductList['facets'];
export type Product = GetOk<'/api/v1/products/{id}'>;
export type Variant = Product['variants'][number];
export type Cart = GetOk<'/api/v1/carts/{id}'>;
export type CartLine = Cart['items'][number];
export type Order = GetOk<'/api/v1/orders/{id}'>;
export type OrderList = GetOk<'/api/v1/orders'>;
export type Profile = GetOk<'/api/v1/users/me'>;
export type Address = GetOk<'/api/v1/users/me/addresses/{id}'>;
export type Availability = GetOk<'/api/v1/inventory/availability'>;
export type CheckoutBody = PostBody<'/api/v1/checkout'>;
export type Sort = NonNullable<NonNullable<paths['/api/v1/products']['get']['parameters']['query']>['sort']>;
export const SORTS: readonly Sort[] = ['relevance', 'newest', 'price_asc', 'price_desc', 'rating'];

/** The review service's answers (DESIGN.md): typed here until the service is in the OpenAPI document. */
export interface ReviewSummary {
  productId: string;
  average: number;
  count: number;
  histogram?: Record<string, number>;
}
export interface Review {
  id: string;
  rating: number;
  title: string;
  body: string;
  authorName?: string | null;
  verifiedPurchase?: boolean;
  helpfulCount?: number;
  createdAt: string;
}

/** `GET /payments/providers` (the payment service): what the shop accepts, and the sandbox's test cards. */
export interface PaymentProviders {
  providers: Array<{
    name: 'sandbox' | 'stripe' | 'razorpay';
    live?: boolean;
    publishableKey?: string | null;
    paymentMethods?: Array<{ id: string; brand?: string; last4?: string; outcome?: string; description?: string }>;
  }>;
}
