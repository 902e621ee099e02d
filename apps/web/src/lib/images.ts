/** An image as the catalog describes it: uploaded ones carry WebP renditions, narrowest first. */
export interface CatalogImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
  renditions?: Array<{ url: string; width: number; height: number }>;
}

/** `srcSet` and `sizes` for an image with renditions (the browser picks the size it needs), else nothing. */
export function responsive(img: CatalogImage, sizes: string): { srcSet?: string; sizes?: string } {
  if (!img.renditions || img.renditions.length === 0) return {};
  return { srcSet: img.renditions.map((r) => `${r.url} ${r.width}w`).join(', '), sizes };
}
