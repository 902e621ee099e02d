// Lighthouse (the npm package, driving Debian's chromium) on the storefront's home, category and
// product pages, served by `npm start` through the gateway: performance, accessibility, best
// practices and SEO. Target: ≥ 95 in each. Both of Lighthouse's presets: mobile (its default:
// a mid-range phone on a throttled 4G network) and desktop.
//
//   npm run bench:lighthouse [-- --preset mobile|desktop|both --pages home,category,product]
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { argText } from './support/args.js';
import { startShop } from './storefront.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = { home: '/', category: '/c/kitchen', product: '/p/artisan-electric-kettle' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = 95;
const preset = argText('preset', 'both');
const pages = argText('pages', Object.keys(PAGES).join(',')).split(',');
const unknown = pages.filter((p) => !(p in PAGES));
if (unknown.length > 0) throw new Error(`--pages is a list of ${Object.keys(PAGES).join(', ')}, not ${unknown.join(', ')}`);

const shop = await startShop();
const chrome = await launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (const which of preset === 'both' ? ['mobile', 'desktop'] : [preset]) {
    console.log(`\nLighthouse ${which} (target ≥ ${TARGET} in each category)`);
    console.log(`  ${'page'.padEnd(10)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`);
    for (const [name, path] of Object.entries(PAGES).filter(([name]) => pages.includes(name))) {
      // One warm-up load (the web server's caches), then the measured run.
      await fetch(`${shop.gateway}${path}`);
      const result = await lighthouse(`${shop.gateway}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, which === 'desktop' ? desktopConfig : undefined);
      const cats = result!.lhr.categories;
      const scores = CATEGORIES.map((c) => Math.round((cats[c]?.score ?? 0) * 100));
      if (scores.some((s) => s < TARGET)) failed = true;
      console.log(`  ${name.padEnd(10)}${scores.map((s) => `${s}${s < TARGET ? ' (!)' : ''}`.padStart(16)).join('')}`);
      for (const c of CATEGORIES) {
        if ((cats[c]?.score ?? 0) * 100 >= TARGET) continue;
        const refs = cats[c]!.auditRefs.filter((r) => r.weight > 0 && (result!.lhr.audits[r.id]?.score ?? 1) < 0.9);
        for (const r of refs.slice(0, 5)) console.log(`      ${c}: ${r.id} — ${result!.lhr.audits[r.id]!.displayValue ?? result!.lhr.audits[r.id]!.title}`);
      }
    }
  }
} finally {
  chrome.kill();
  await shop.stop();
}
console.log(failed ? '\nsome scores are below the target' : '\nevery score meets the target');
