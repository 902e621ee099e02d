import type { Queryable } from '@mercato/chassis';
import type { FieldError } from '@mercato/contracts';
import type { Image } from '../products/product.js';
import { mediaStore, type MediaRecord } from './media.store.js';

/** A product image as written: a URL, or an uploaded image by its id; always with alt text. */
export interface ImageInput {
  url?: string;
  alt: string;
  mediaId?: string;
}

const url = (mediaId: string, name: string) => `/api/v1/media/images/${mediaId}/${name}`;

/** The uploaded images these image lists name, in one query. */
export function mediaNamedIn(q: Queryable, lists: ReadonlyArray<readonly ImageInput[] | undefined>): Promise<Map<string, MediaRecord>> {
  return mediaStore.getMany(q, [...new Set(lists.flatMap((l) => (l ?? []).flatMap((i) => (i.mediaId ? [i.mediaId] : []))))]);
}

/**
 * Product images as stored: an uploaded image (`mediaId`, looked up in `found`) gets its URL (the
 * largest rendition), its size and its renditions for the storefront's srcset; an unknown id, or
 * an image with neither url nor mediaId, is a field error.
 */
export function resolveImages(found: ReadonlyMap<string, MediaRecord>, images: readonly ImageInput[], at: string): { images: Image[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: Image[] = [];
  images.forEach((img, i) => {
    if (img.mediaId === undefined) {
      if (img.url === undefined) errors.push({ pointer: `${at}/${i}`, message: 'an image needs a url or the mediaId of an uploaded image' });
      else out.push({ url: img.url, alt: img.alt });
      return;
    }
    const m = found.get(img.mediaId);
    if (!m) {
      errors.push({ pointer: `${at}/${i}/mediaId`, message: `no uploaded image has the id ${img.mediaId}` });
      return;
    }
    const largest = m.renditions[m.renditions.length - 1]!;
    out.push({
      url: url(m.id, largest.name),
      alt: img.alt,
      mediaId: m.id,
      width: largest.width,
      height: largest.height,
      renditions: m.renditions.map((r) => ({ url: url(m.id, r.name), width: r.width, height: r.height })),
    });
  });
  return { images: out, errors };
}
