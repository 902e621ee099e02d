import { createRandom, type Random } from './random.js';
import type { DemoProduct, DemoReview } from './types.js';

type Kind = 'clothing' | 'shoes' | 'accessory' | 'home' | 'electronics';

const KIND_OF: Record<string, Kind> = {
  sneakers: 'shoes', boots: 'shoes', sandals: 'shoes',
  bags: 'accessory', hats: 'accessory', belts: 'accessory', scarves: 'accessory',
  kitchen: 'home', decor: 'home', bedding: 'home',
  audio: 'electronics', chargers: 'electronics', 'smart-home': 'electronics',
};

const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Elif', 'Farid', 'Grace', 'Hiro', 'Isabel', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sam', 'Tomás', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe', 'Aisha', 'Marco', 'Nina', 'Oscar', 'Priya'];
const LAST = ['Schmidt', 'Okafor', 'Dubois', 'Tanaka', 'Yılmaz', 'Haddad', 'Kim', 'Rossi', 'Novak', 'García', 'Patel', 'Murphy', 'Larsen', 'Costa', 'Ivanova', 'Nguyen', 'Silva', 'Brown', 'Müller', 'Khan'];

// Per kind: what a buyer praises, what they regret, and what they say in passing.
const GOOD: Record<Kind, string[]> = {
  clothing: ['The fabric feels soft and substantial', 'It fits true to size', 'The colour is exactly as pictured', 'It kept its shape after several washes', 'The stitching is neat and even', 'It is comfortable for a whole day'],
  shoes: ['They were comfortable straight out of the box', 'The sole has a good grip', 'They fit true to size', 'The leather looks better than in the photos', 'They are light on the feet', 'No blisters even after a long walk'],
  accessory: ['The material feels sturdy', 'It goes with almost everything I own', 'The finish looks expensive', 'It is the right size for daily use', 'The colour is lovely in daylight', 'The hardware feels solid'],
  home: ['It looks great in our kitchen', 'It is easy to clean', 'The quality is better than I expected for the price', 'It feels solid and well made', 'It arrived well packed', 'We use it every day'],
  electronics: ['Setup took two minutes', 'The battery lasts longer than advertised', 'The sound is clear and balanced', 'It charges my phone quickly', 'The app works without fuss', 'It feels well built'],
};
const BAD: Record<Kind, string[]> = {
  clothing: ['it creases quickly', 'the sleeves run a little long', 'it shrank slightly in a warm wash', 'the buttons feel a bit flimsy'],
  shoes: ['they run half a size small', 'the laces are rather short', 'they squeaked for the first few days', 'the insole is thin'],
  accessory: ['the strap could be longer', 'it marks easily', 'the clasp is stiff at first', 'it is smaller than I thought'],
  home: ['it is heavier than expected', 'the instructions were unclear', 'it is not dishwasher safe', 'the colour is a shade darker than shown'],
  electronics: ['the cable is short', 'the case picks up fingerprints', 'the manual is minimal', 'it gets warm under load'],
};
const CLOSERS = ['Would buy again.', 'Happy with the purchase.', 'Good value for money.', 'Recommended.', 'Delivery was quick too.', 'I bought a second one as a gift.', 'Does the job.', 'Exactly what I was looking for.'];
const LETDOWNS = ['Not what I hoped for.', 'I will probably return it.', 'Disappointed, to be honest.', 'It is fine, nothing more.'];
const TITLES: Record<number, string[]> = {
  5: ['Love it', 'Excellent quality', 'Exactly as described', 'Perfect', 'Great buy', 'Better than expected'],
  4: ['Very good', 'Really nice', 'Good quality, small flaw', 'Pleased overall', 'Solid choice'],
  3: ['Okay', 'Decent but not great', 'Mixed feelings', 'Average'],
  2: ['Not great', 'Expected more', 'Some problems'],
  1: ['Disappointing', 'Would not recommend', 'Poor quality'],
};

function rating(r: Random): number {
  const x = r.next();
  return x < 0.5 ? 5 : x < 0.8 ? 4 : x < 0.9 ? 3 : x < 0.96 ? 2 : 1;
}

const sentence = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}.`;

function reviewFor(product: DemoProduct, kind: Kind, r: Random, n: number): DemoReview {
  const stars = rating(r);
  const good = r.sample(GOOD[kind], stars >= 4 ? 2 : 1);
  const bad = r.sample(BAD[kind], stars === 5 ? (r.chance(0.3) ? 1 : 0) : stars >= 3 ? 1 : 2);
  const parts: string[] = [];
  if (stars >= 3) {
    parts.push(`${good[0]}.`);
    if (good[1]) parts.push(`${good[1]}.`);
    if (bad[0]) parts.push(`My only complaint is that ${bad[0]}.`);
    parts.push(r.pick(CLOSERS));
  } else {
    parts.push(`I had high hopes for the ${product.title.toLowerCase()}, but ${bad[0]}.`);
    if (bad[1]) parts.push(`Also, ${bad[1]}.`);
    if (good[0]) parts.push(`${good[0]}, at least.`);
    parts.push(r.pick(LETDOWNS));
  }
  return {
    key: `${product.slug}:${n}`,
    productSlug: product.slug,
    authorName: `${r.pick(FIRST)} ${r.pick(LAST)}`,
    rating: stars,
    title: r.pick(TITLES[stars]!),
    body: parts.join(' '),
    pros: stars >= 3 && r.chance(0.5) ? sentence(good[0]!) : null,
    cons: bad[0] && r.chance(0.5) ? sentence(bad[0]) : null,
    verifiedPurchase: r.chance(0.9),
    daysAgo: r.int(1, 240),
  };
}

/**
 * The demo reviews: 0 to 6 per product (a few hundred in all), mostly 4 and 5 stars as in a real
 * shop, each product's from its own seed. Same output on every call.
 */
export function reviewsFor(products: readonly DemoProduct[]): DemoReview[] {
  const out: DemoReview[] = [];
  for (const product of products) {
    const r = createRandom(`reviews:${product.slug}`);
    const kind = KIND_OF[product.categories[0] ?? ''] ?? 'clothing';
    const count = r.chance(0.15) ? 0 : r.int(1, 6);
    for (let n = 0; n < count; n++) out.push(reviewFor(product, kind, r, n));
  }
  return out;
}
