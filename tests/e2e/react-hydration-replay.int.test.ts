import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, skipUnlessChromium, type TestBrowser } from './support/browser.js';

// The web app's build gives the react-dom client that Next.js bundles React 19.3's fix for a
// spurious hydration mismatch (apps/web/webpack/react-hydration-replay.cjs). Here that react-dom,
// with and without the loader, hydrates the smallest page that meets the bug in a real browser:
// server HTML and client tree are the same, and an element's children are a lazy node (what a
// large server-component payload sends as a later row) that is pending when hydration reaches it
// and arrives while React yields. Unpatched, React reports #418 and renders the page again on
// the client; patched, it hydrates the server's nodes without a word.

const skip = skipUnlessChromium();
const require = createRequire(join(process.cwd(), 'apps', 'web', 'package.json'));
const COMPILED = join(dirname(require.resolve('next/package.json')), 'dist', 'compiled');
const loader = require('../../apps/web/webpack/react-hydration-replay.cjs') as (this: { resourcePath: string }, source: string) => string;

const SERVER_HTML = '<div id="outer"><p id="before">before</p><div id="target"><section id="child">lazy child</section></div><p id="after">after</p></div>';

/**
 * The page's hydration (plain JavaScript, run as a script of the page). The lazy node's chunk
 * follows React's thenable protocol, as the server-components client's chunks do: pending when
 * React first reads it, fulfilled right after (as a row that arrives while React yields).
 */
const FIXTURE = `
globalThis.hydrated = new Promise(function (resolve) {
  var React = require('next/dist/compiled/react');
  var client = require('react-dom/client');
  var serverChild = document.getElementById('child');
  serverChild.fromServer = true;
  var chunk = {
    status: 'pending',
    listeners: [],
    then: function (ok) {
      if (chunk.status === 'fulfilled') ok(chunk.value);
      else chunk.listeners.push(ok);
    },
  };
  var fulfil = function () {
    chunk.status = 'fulfilled';
    chunk.value = React.createElement('section', { id: 'child' }, 'lazy child');
    chunk.listeners.splice(0).forEach(function (l) { l(chunk.value); });
  };
  var read = function (c) {
    if (c.status === 'fulfilled') return c.value;
    if (!c.scheduled) {
      c.scheduled = true;
      queueMicrotask(fulfil);
    }
    throw c;
  };
  var lazy = { $$typeof: Symbol.for('react.lazy'), _payload: chunk, _init: read };
  var errors = [];
  var Done = function () {
    React.useEffect(function () {
      setTimeout(function () {
        var child = document.getElementById('child');
        resolve({ errors: errors, keptServerNodes: child === serverChild && child.fromServer === true, text: document.getElementById('root').textContent });
      }, 50);
    }, []);
    return null;
  };
  var tree = React.createElement(React.Fragment, null,
    React.createElement('div', { id: 'outer' },
      React.createElement('p', { id: 'before' }, 'before'),
      React.createElement('div', { id: 'target' }, lazy),
      React.createElement('p', { id: 'after' }, 'after')),
    React.createElement(Done));
  React.startTransition(function () {
    client.hydrateRoot(document.getElementById('root'), tree, { onRecoverableError: function (e) { errors.push(e.message); } });
  });
});
`;

/** The page's script: Next's compiled react, scheduler and react-dom as CommonJS modules in a tiny registry. */
async function bundle(patched: boolean): Promise<string> {
  const files: Record<string, string> = {
    'next/dist/compiled/react': 'react/cjs/react.production.js',
    'next/dist/compiled/scheduler': 'scheduler/cjs/scheduler.production.js',
    'next/dist/compiled/react-dom': 'react-dom/cjs/react-dom.production.js',
    'react-dom/client': 'react-dom/cjs/react-dom-client.production.js',
  };
  let out = 'var defs = {}, cache = {};\nfunction require(name) { if (!(name in cache)) { var m = { exports: {} }; cache[name] = m; defs[name](m, m.exports, require); } return cache[name].exports; }\n';
  for (const [name, file] of Object.entries(files)) {
    const path = join(COMPILED, file);
    let source = await readFile(path, 'utf8');
    if (patched && name === 'react-dom/client') source = loader.call({ resourcePath: path }, source);
    out += `defs[${JSON.stringify(name)}] = function (module, exports, require) {\n${source}\n};\n`;
  }
  return out;
}

/** Hydrates SERVER_HTML; answers the recoverable errors and whether the server's nodes were kept. */
async function hydrate(browser: TestBrowser, patched: boolean): Promise<{ errors: string[]; keptServerNodes: boolean; text: string }> {
  const ctx = await browser.shopper();
  try {
    const page = await ctx.newPage();
    await page.setContent(`<!doctype html><html><body><div id="root">${SERVER_HTML}</div></body></html>`);
    await page.addScriptTag({ content: await bundle(patched) });
    await page.addScriptTag({ content: FIXTURE });
    return await page.evaluate(() => (globalThis as unknown as { hydrated: Promise<{ errors: string[]; keptServerNodes: boolean; text: string }> }).hydrated);
  } finally {
    await ctx.close();
  }
}

describe('the react-dom client the web app bundles', { skip }, () => {
  let browser: TestBrowser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('hydrates an element whose lazy children arrive while React yields, with no mismatch', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await hydrate(browser, true);
      assert.deepEqual(r.errors, [], 'no hydration error');
      assert.equal(r.keptServerNodes, true, 'the server-rendered nodes are kept');
      assert.equal(r.text, 'beforelazy childafter');
    }
  });

  it('without the loader, the same page reports #418 (the fixture meets the bug), unless Next.js bundles a fixed react-dom', async (t) => {
    const source = await readFile(join(COMPILED, 'react-dom/cjs/react-dom-client.production.js'), 'utf8');
    if (source.includes('popHydrationStateOnInterruptedWork')) {
      t.skip('the bundled react-dom has the fix: the loader and this test can go');
      return;
    }
    const r = await hydrate(browser, false);
    assert.equal(r.errors.length, 1, `one hydration error: ${r.errors.join('; ')}`);
    assert.match(r.errors[0]!, /#418/);
    assert.equal(r.keptServerNodes, false, 'the page was rendered again on the client');
    assert.equal(r.text, 'beforelazy childafter');
  });
});
