import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@mercato/chassis';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { listenHttp, readAll, type Listening } from './upstreams.js';

describe('gateway: upload routes take larger bodies', () => {
  let gw: RunningGateway;
  let catalog: Listening;
  before(async () => {
    catalog = await listenHttp(async (req, res) => {
      const body = await readAll(req);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: body.length }));
    });
    gw = await startGateway({
      env: { GATEWAY_PORT: '0', HTTP_BODY_LIMIT_BYTES: '1048576', GATEWAY_UPLOAD_LIMIT_BYTES: String(4 * 1024 * 1024), GATEWAY_RATE_LIMIT_IP: '0' },
      upstreams: { catalog: catalog.url },
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
  });
  after(async () => {
    await gw?.stop();
    await catalog?.close();
  });

  const post = (path: string, bytes: number) =>
    fetch(`${gw.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.alloc(bytes) });

  it('passes an image upload or an import over the API body limit, up to the upload limit', async () => {
    for (const path of ['/media/images', '/products/import?dryRun=true']) {
      const res = await post(path, 3 * 1024 * 1024);
      assert.equal(res.status, 201, path);
      assert.deepEqual(await res.json(), { bytes: 3 * 1024 * 1024 });
    }
    const tooBig = await post('/media/images', 5 * 1024 * 1024);
    assert.equal(tooBig.status, 413);
    assert.match(((await tooBig.json()) as { detail: string }).detail, /4194304 bytes/);
  });

  it('keeps the API body limit on every other route', async () => {
    const res = await post('/products', 2 * 1024 * 1024);
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { detail: string }).detail, /1048576 bytes/);
  });
});
