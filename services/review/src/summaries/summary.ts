/** A product's published reviews in figures. */
export interface Summary {
  productId: string;
  count: number;
  /** The mean rating to one decimal; 0 when there is none. */
  average: number;
  distribution: { 1: number; 2: number; 3: number; 4: number; 5: number };
}

export const emptySummary = (productId: string): Summary => ({ productId, count: 0, average: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
