import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import sharp from 'sharp';
import { productBody, startCatalog, type CatalogUnderTest } from './support.js';

interface MediaJson {
  id: string;
  url: string;
  width: number;
  height: number;
  originalType: string;
  renditions: Array<{ url: string; width: number; height: number; type: string; bytes: number }>;
}

/** A photo as a phone takes it: 1600 × 1000 stored sideways (EXIF orientation 6), with EXIF and GPS-ish metadata. */
const photo = () =>
  sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret-owner', Artist: 'Ada' } } })
    .toBuffer();

for (const driver of ['fs', 'postgres'] as const) {
  describe(`catalog: image upload (${driver} media store)`, { skip: skipUnless('postgres') }, () => {
    let c: CatalogUnderTest;
    let dir: string | undefined;
    const upload = (body: Buffer | string, type = 'image/jpeg', roles = ['catalog_manager']) =>
      c.svc.app.inject({ method: 'POST', url: '/media/images', headers: { authorization: c.authorization(roles), 'content-type': type }, payload: body });
    const stored = async () => ({
      media: await c.count('SELECT count(*) AS n FROM media'),
      blobs: await c.count('SELECT count(*) AS n FROM media_blobs'),
      files: dir ? (await readdir(dir).catch(() => [])).length : 0,
    });

    before(async () => {
      dir = driver === 'fs' ? await mkdtemp(join(tmpdir(), 'catalog-media-')) : undefined;
      c = await startCatalog({ env: driver === 'fs' ? { CATALOG_MEDIA_DIR: dir } : {} });
    });
    after(async () => {
      await c?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('re-encodes an upload upright as WebP at the storefront widths, without its metadata, and serves it for a year', async () => {
      const res = await upload(await photo());
      assert.equal(res.statusCode, 201, res.body);
      const m = res.json<MediaJson>();
      assert.equal(m.originalType, 'image/jpeg');
      assert.deepEqual([m.width, m.height], [1000, 1600], 'turned upright');
      assert.deepEqual(m.renditions.map((r) => [r.width, r.height]), [[320, 512], [640, 1024]]);
      assert.equal(m.url, `/api/v1/media/images/${m.id}/w640.webp`);
      assert.deepEqual(await stored(), driver === 'fs' ? { media: 1, blobs: 0, files: 1 } : { media: 1, blobs: 2, files: 0 });
      const file = await c.svc.app.inject({ method: 'GET', url: `/media/images/${m.id}/w320.webp` });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/webp');
      assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
      const meta = await sharp(file.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 320, 512]);
      assert.equal(meta.exif, undefined, 'no EXIF left');
      assert.equal(meta.orientation, undefined);
      assert.ok(!file.rawPayload.includes(Buffer.from('secret-owner')));
      const again = await c.anonymous('GET', `/media/images/${m.id}/w320.webp`, undefined, { 'if-none-match': String(file.headers.etag) });
      assert.equal(again.statusCode, 304);
      assert.equal((await c.anonymous('GET', `/media/images/${m.id}/w1920.webp`)).statusCode, 404);
      assert.equal((await c.anonymous('GET', `/media/images/${m.id}`)).json<MediaJson>().renditions.length, 2);

      // Attached to a product with its alt text: the product carries its size and renditions.
      const created = await c.manager('POST', '/products', productBody({ images: [{ mediaId: m.id, alt: 'A red tee, front' }] }));
      assert.equal(created.statusCode, 201, created.body);
      const image = created.json<{ images: Array<{ url: string; alt: string; mediaId: string; width: number; renditions: unknown[] }> }>().images[0]!;
      assert.deepEqual([image.url, image.alt, image.mediaId, image.width, image.renditions.length], [m.url, 'A red tee, front', m.id, 640, 2]);
      const unknown = await c.manager('POST', '/products', productBody({ images: [{ mediaId: 'med_01NOSUCHIMAGE0000000000000', alt: 'x' }] }));
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json<{ errors: Array<{ pointer: string }> }>().errors[0]!.pointer, '/images/0/mediaId');
    });

    it('takes PNG and WebP, small ones at their own width', async () => {
      const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: '#00ff0080' } }).png().toBuffer();
      const p = await upload(png, 'image/png');
      assert.equal(p.statusCode, 201, p.body);
      assert.deepEqual(p.json<MediaJson>().renditions.map((r) => [r.width, r.height]), [[200, 100]]);
      const webp = await sharp({ create: { width: 700, height: 700, channels: 3, background: '#123456' } }).webp().toBuffer();
      // The declared type is not believed: the bytes say WebP.
      const w = await upload(webp, 'application/octet-stream');
      assert.equal(w.statusCode, 201, w.body);
      assert.equal(w.json<MediaJson>().originalType, 'image/webp');
    });

    it('refuses what is not a JPEG, PNG or WebP, damaged or too large, leaving nothing behind', async () => {
      const before = await stored();
      const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
      const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#fff' } }).png().toBuffer();
      const cases: Array<[string, Buffer | string, string, number, string]> = [
        ['a GIF', gif, 'image/jpeg', 415, 'unsupported_media_type'],
        ['text called a JPEG', 'not an image at all', 'image/jpeg', 415, 'unsupported_media_type'],
        ['a PNG cut short', png.subarray(0, 200), 'image/png', 422, 'image_unreadable'],
        ['a PNG that says JPEG inside', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), png]), 'image/jpeg', 422, 'image_unreadable'],
        ['over 10 MB', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)]), 'image/jpeg', 413, 'payload_too_large'],
        ['a body of another type', '{"x":1}', 'application/json', 415, 'unsupported_media_type'],
      ];
      for (const [name, body, type, status, code] of cases) {
        const res = await upload(body, type);
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        assert.equal(res.json<{ code: string }>().code, code, name);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      }
      // 30,000 × 2,000 pixels of one colour compress to a small PNG: refused before decoding.
      const huge = await sharp({ create: { width: 30000, height: 2000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
      const bomb = await upload(huge, 'image/png');
      assert.equal(bomb.statusCode, 413, bomb.body);
      assert.deepEqual(await stored(), before);
    });

    it('is for catalog managers', async () => {
      const res = await upload(await photo(), 'image/jpeg', ['customer']);
      assert.equal(res.statusCode, 403);
      assert.equal((await c.anonymous('POST', '/media/images', 'x', { 'content-type': 'image/png' })).statusCode, 401);
    });
  });
}
