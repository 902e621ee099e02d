import { createHash } from 'node:crypto';
import { DomainError, lazyModule } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type sharpModule from 'sharp';
import type { Metadata } from 'sharp';
import type { CatalogDeps } from '../deps.js';
import type { MediaFile } from './media-store.js';
import { mediaStore, type MediaRecord, type Rendition } from './media.store.js';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Larger images are refused before they are decoded (a small file can claim a huge canvas). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** The widths the storefront asks for (srcset); never wider than the original. */
export const RENDITION_WIDTHS = [320, 640, 1280, 1920] as const;

export class UnsupportedImageType extends DomainError {
  constructor(detail = 'Send a JPEG, PNG or WebP image') {
    super({ type: 'unsupported_media_type', status: 415, title: 'Unsupported media type', detail });
  }
}
export class UnreadableImage extends DomainError {
  constructor() {
    super({ type: 'image_unreadable', status: 422, title: 'The image cannot be read', detail: 'The file is damaged or not a complete image' });
  }
}
export class ImageTooLarge extends DomainError {
  constructor(detail: string) {
    super({ type: 'payload_too_large', status: 413, title: 'Payload too large', detail });
  }
}

/** The real type of an upload, from its first bytes (whatever the request's Content-Type says). */
export function sniffImageType(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const FORMAT_OF = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;

// The image library (native code) is loaded on the first upload, not at every start.
const sharpLib = lazyModule<typeof sharpModule>(import.meta.url, 'sharp');
const sharp: typeof sharpModule = ((...args: Parameters<typeof sharpModule>) => sharpLib()(...args)) as typeof sharpModule;

/**
 * Takes an uploaded image: checks its real type from its bytes (and that the decoder agrees),
 * refuses what is too large, turns it upright (EXIF orientation) and re-encodes it as WebP at each
 * storefront width up to its own, without any of its metadata (EXIF, GPS, ICC profile, comments:
 * sharp keeps none unless asked). The renditions and their record are stored together; a file
 * that fails any step leaves nothing behind.
 */
export async function uploadImage(deps: CatalogDeps, data: Buffer, createdBy: string): Promise<MediaRecord> {
  if (data.length > MAX_IMAGE_BYTES) throw new ImageTooLarge(`An image may be at most ${MAX_IMAGE_BYTES} bytes`);
  const type = sniffImageType(data);
  if (!type) throw new UnsupportedImageType();
  const input = () => sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error).message))) throw new ImageTooLarge(`An image may have at most ${MAX_IMAGE_PIXELS} pixels`);
    throw new UnreadableImage();
  }
  if (meta.format !== FORMAT_OF[type]) throw new UnsupportedImageType('The file is not the image its first bytes announce');
  if (!meta.width || !meta.height) throw new UnreadableImage();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw new ImageTooLarge(`An image may have at most ${MAX_IMAGE_PIXELS} pixels`);
  // Upright dimensions: orientations 5–8 swap width and height.
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const widths = RENDITION_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(width as (typeof RENDITION_WIDTHS)[number]);

  const files: MediaFile[] = [];
  const renditions: Rendition[] = [];
  try {
    for (const w of widths) {
      const { data: out, info } = await input().rotate().resize({ width: w, withoutEnlargement: true }).webp({ quality: 82, effort: 4 }).toBuffer({ resolveWithObject: true });
      const name = `w${w}.webp`;
      files.push({ name, contentType: 'image/webp', data: out });
      renditions.push({ name, width: info.width, height: info.height, bytes: out.length });
    }
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error).message))) throw new ImageTooLarge(`An image may have at most ${MAX_IMAGE_PIXELS} pixels`);
    throw new UnreadableImage();
  }

  const id = newId('med');
  const sha256 = createHash('sha256').update(data).digest('hex');
  try {
    return await deps.db.tx(async (tx) => {
      const record = await mediaStore.insert(tx, { id, originalType: type, width, height, sha256, renditions, createdBy });
      await deps.media.save(tx, id, files);
      return record;
    });
  } catch (err) {
    await deps.media.remove(id);
    throw err;
  }
}
