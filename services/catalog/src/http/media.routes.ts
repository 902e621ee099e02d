import { accessOf, callerOf, type HttpApp, mediaResponse, NotFound, operation, requires } from '@mercato/chassis';
import { demoImageSvg } from '@mercato/demo-data';
import { Type } from '@sinclair/typebox';
import type { CatalogDeps } from '../deps.js';
import { mediaStore, type MediaRecord } from '../media/media.store.js';
import { MAX_IMAGE_BYTES, uploadImage } from '../media/upload-image.js';
import { ifNoneMatchHolds } from '../products/etag.js';
import { NotModified } from './cached-read.js';

const MediaParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 240, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*\\.svg$' }) }, { additionalProperties: false });
const MediaId = Type.String({ minLength: 5, maxLength: 40, pattern: '^med_[0-9A-Za-z]+$' });
const ImageParams = Type.Object({ id: MediaId }, { additionalProperties: false });
const FileParams = Type.Object({ id: MediaId, file: Type.String({ minLength: 1, maxLength: 20, pattern: '^w[0-9]{1,5}\\.webp$' }) }, { additionalProperties: false });
const RenditionSchema = Type.Object(
  { url: Type.String(), width: Type.Integer(), height: Type.Integer(), type: Type.Literal('image/webp'), bytes: Type.Integer() },
  { additionalProperties: false },
);
export const MediaSchema = Type.Object(
  {
    id: Type.String(),
    url: Type.String({ description: 'The largest rendition: what a product image links to' }),
    width: Type.Integer(),
    height: Type.Integer(),
    originalType: Type.String({ description: 'What was uploaded (it is not kept: only the re-encoded renditions are)' }),
    renditions: Type.Array(RenditionSchema, { description: 'One WebP per storefront width up to the original, narrowest first (for srcset)' }),
    createdAt: Type.String(),
  },
  { additionalProperties: false },
);
/** Uploaded images never change: a year, immutable. */
const FOREVER = 'public, max-age=31536000, immutable';
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

/** The public path of a rendition, through the gateway. */
export const renditionUrl = (mediaId: string, name: string) => `/api/v1/media/images/${mediaId}/${name}`;

export function presentMedia(m: MediaRecord) {
  const renditions = m.renditions.map((r) => ({ url: renditionUrl(m.id, r.name), width: r.width, height: r.height, type: 'image/webp' as const, bytes: r.bytes }));
  return { id: m.id, url: renditions[renditions.length - 1]!.url, width: m.width, height: m.height, originalType: m.originalType, renditions, createdAt: m.createdAt.toISOString() };
}

/** The demo shop's images, and uploaded product images: taken, listed and served. */
export function mediaRoutes(app: HttpApp, deps: CatalogDeps): void {
  app.get(
    '/media/demo/:name',
    {
      schema: {
        ...operation('getDemoImage', 'public', { 404: 'not_found' }),
        tags: ['media'],
        summary: 'A demo product image (SVG)',
        params: MediaParams,
        response: { 200: mediaResponse('image/svg+xml', 'The image') },
      },
    },
    async (req, reply) => {
      const svg = demoImageSvg(req.params.name.slice(0, -'.svg'.length));
      if (svg === undefined) throw new NotFound('No demo image has this name');
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400, immutable')
        // An SVG opened directly must not run anything.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('x-content-type-options', 'nosniff')
        .send(svg);
    },
  );

  void app.register(async (scope) => {
    // The bytes as they come; their real type is read from them, not from this header.
    scope.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/media/images',
      {
        ...requires(deps, 'catalog:write'),
        bodyLimit: MAX_IMAGE_BYTES,
        schema: {
          ...operation('uploadImage', accessOf('catalog:write'), { 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'image_unreadable' }),
          tags: ['media'],
          summary: 'Upload a product image: JPEG, PNG or WebP up to 10 MB, sent as the raw body',
          description:
            'The type is read from the bytes (415 unless JPEG, PNG or WebP; 422 image_unreadable when damaged; 413 over 10 MB or 40 megapixels). The image is turned upright, stripped of its metadata and re-encoded as WebP at 320, 640, 1280 and 1920 px wide (never wider than it is). Attach it to a product with {"mediaId", "alt"} in its images.',
          response: { 201: MediaSchema },
        },
      },
      async (req, reply) => {
        const media = await uploadImage(deps, req.body as Buffer, callerOf(req).userId);
        return reply.code(201).header('location', `/api/v1/media/images/${media.id}`).send(presentMedia(media));
      },
    );
  });

  app.get(
    '/media/images/:id',
    { schema: { ...operation('getImage', 'public', { 404: 'not_found' }), tags: ['media'], summary: "An uploaded image's renditions", params: ImageParams, response: { 200: MediaSchema } } },
    async (req) => {
      const media = await mediaStore.get(deps.db, req.params.id);
      if (!media) throw new NotFound('No image has this id');
      return presentMedia(media);
    },
  );

  app.get(
    '/media/images/:id/:file',
    {
      schema: {
        ...operation('getImageFile', 'public', { 404: 'not_found' }),
        tags: ['media'],
        summary: 'One rendition of an uploaded image (cached for a year: it never changes)',
        params: FileParams,
        response: { 200: mediaResponse('image/webp', 'The rendition'), 304: NotModified },
      },
    },
    async (req, reply) => {
      const file = await deps.media.read(req.params.id, req.params.file);
      if (!file) throw new NotFound('No such image');
      const etag = `"${req.params.id}-${req.params.file}"`;
      void reply.header('cache-control', FOREVER).header('etag', etag).header('x-content-type-options', 'nosniff');
      if (ifNoneMatchHolds(req.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(file.contentType).send(file.data);
    },
  );
}
