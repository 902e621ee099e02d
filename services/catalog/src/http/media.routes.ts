import { mediaResponse, NotFound, operation, type HttpApp } from '@mercato/chassis';
import { demoImageSvg } from '@mercato/demo-data';
import { Type } from '@sinclair/typebox';

const MediaParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 240, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*\\.svg$' }) }, { additionalProperties: false });

/** The demo shop's product images, served by the catalog itself (nothing to host elsewhere). */
export function mediaRoutes(app: HttpApp): void {
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
}
