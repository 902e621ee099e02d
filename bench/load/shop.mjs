// Artillery processor of bench/load/shop.yml: picks what each visitor looks at from the shop's own
// data, and records per endpoint group (the first word of a request's name: browse, search, cart,
// checkout) the whole response time, the failed answers, and the confirmed orders.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The shop as visitors see it: category slugs (every level), product slugs, SKUs with stock to
 * spare (so that carts and checkouts do not run into sold-out lines), and search words taken from
 * the products' titles (whole words and their first letters, as a shopper types them).
 * @param {string} target the gateway, e.g. http://127.0.0.1:8080
 * @param {{ maxProducts?: number, minStock?: number }} [opts]
 * @returns {Promise<{ categories: string[], products: string[], skus: string[], words: string[] }>}
 */
export async function loadShop(target, opts = {}) {
  const maxProducts = opts.maxProducts ?? 400;
  const minStock = opts.minStock ?? 50;
  const api = `${target.replace(/\/+$/, '')}/api/v1`;
  const get = async (path) => {
    const res = await fetch(`${api}${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res.json();
  };
  const categories = [];
  const walk = (nodes) => {
    for (const n of nodes) {
      if (n.productCount > 0) categories.push(n.slug);
      walk(n.children ?? []);
    }
  };
  walk((await get('/categories')).items);

  const summaries = [];
  let cursor = null;
  do {
    const page = await get(`/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    summaries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && summaries.length < maxProducts);
  const products = summaries.map((p) => p.slug);

  const words = new Set();
  for (const p of summaries) {
    for (const w of String(p.title ?? '').toLowerCase().split(/[^a-z]+/)) {
      if (w.length < 4) continue;
      words.add(w);
      words.add(w.slice(0, 3));
    }
  }

  // SKUs of about 40 products spread over the catalog, kept when their stock is ample.
  const variants = [];
  for (let i = 0; i < summaries.length; i += Math.max(1, Math.floor(summaries.length / 40))) {
    const product = await get(`/products/${encodeURIComponent(summaries[i].slug)}`);
    variants.push(...product.variants.map((v) => v.sku));
  }
  const skus = [];
  for (let i = 0; i < variants.length; i += 100) {
    const query = variants.slice(i, i + 100).map((s) => `sku=${encodeURIComponent(s)}`).join('&');
    for (const a of (await get(`/inventory/availability?${query}`)).items) if (a.available >= minStock) skus.push(a.sku);
  }
  if (categories.length === 0 || products.length === 0 || skus.length === 0 || words.size === 0) {
    throw new Error(`the shop at ${target} has too little to visit: ${categories.length} categories, ${products.length} products, ${skus.length} SKUs with ${minStock}+ in stock`);
  }
  return { categories, products, skus, words: [...words].sort() };
}

let shop;
let loading;
function withShop(context, done, pick) {
  if (!shop && process.env.MERCATO_LOAD_DATA) shop = JSON.parse(readFileSync(process.env.MERCATO_LOAD_DATA, 'utf8'));
  if (shop) {
    pick(shop);
    return done();
  }
  loading ??= loadShop(context.vars.target).then((s) => (shop = s));
  loading.then(
    (s) => {
      pick(s);
      done();
    },
    (err) => done(err),
  );
}

const any = (xs) => xs[Math.floor(Math.random() * xs.length)];

export function pickBrowse(context, events, done) {
  withShop(context, done, (s) => {
    context.vars.category = any(s.categories);
    context.vars.product = any(s.products);
  });
}

export function pickSearch(context, events, done) {
  withShop(context, done, (s) => {
    context.vars.word = encodeURIComponent(any(s.words));
    context.vars.words = encodeURIComponent(`${any(s.words)} ${any(s.words)}`);
  });
}

export function pickSku(context, events, done) {
  withShop(context, done, (s) => {
    context.vars.sku = any(s.skus);
    context.vars.idempotencyKey = randomUUID();
    context.vars.email = `load-${randomUUID().slice(0, 8)}@example.com`;
  });
}

/** After every response: its group's time and outcome; a checkout counts only when confirmed. */
export function record(req, res, context, events, done) {
  const group = String(req.name ?? 'other').split(' ')[0];
  const total = res.timings?.phases?.total;
  if (typeof total === 'number') {
    events.emit('histogram', `mercato.time.${group}`, total);
    events.emit('histogram', 'mercato.time.all', total);
  }
  let failed = res.statusCode >= 400;
  if (req.name === 'checkout place') {
    let status;
    try {
      status = JSON.parse(res.body).status;
    } catch {
      status = undefined;
    }
    if (res.statusCode === 200 && status === 'confirmed') events.emit('counter', 'mercato.orders.confirmed', 1);
    else failed = true;
  }
  events.emit('counter', `mercato.responses.${group}`, 1);
  if (failed) {
    events.emit('counter', `mercato.failed.${group}`, 1);
    events.emit('counter', `mercato.failed.${group}.${res.statusCode}`, 1);
  }
  done();
}
