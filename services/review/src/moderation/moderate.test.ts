import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyDigest, moderate, shouting } from './moderate.js';

const ok = { title: 'Good shirt', body: 'The fabric is soft and it fits well after washing. I would buy it again in another colour.' };

describe('moderation rules', () => {
  it('publishes an ordinary review, including words that merely contain a listed one', () => {
    assert.deepEqual(moderate(ok, false), { status: 'published' });
    assert.deepEqual(moderate({ ...ok, body: 'Shipped to Scunthorpe, a classic assassin of boredom; size 4444 fits.' }, false), { status: 'published' });
  });

  it('holds profanity, even disguised', () => {
    for (const body of ['This is shit.', 'What a piece of sh1t', 'fuuuck this']) {
      const v = moderate({ ...ok, body }, false);
      assert.equal(v.status, 'pending', body);
      assert.equal(v.status === 'pending' && v.rule, 'profanity', body);
    }
  });

  it('holds links in any field', () => {
    for (const t of [{ ...ok, body: 'cheap at https://spam.example' }, { ...ok, title: 'see www.deals.test' }, { ...ok, pros: 'buy at cheapshirts.com today' }]) {
      const v = moderate(t, false);
      assert.equal(v.status === 'pending' && v.rule, 'link', JSON.stringify(t));
    }
    assert.equal(moderate({ ...ok, body: 'It is 2.5 cm wider. Works fine.' }, false).status, 'published');
  });

  it('holds a character repeated many times, not digits', () => {
    assert.equal((moderate({ ...ok, body: 'Sooooooooo good!!!!!!!!' }, false) as { rule: string }).rule, 'repeated_characters');
    assert.equal(moderate({ ...ok, body: 'Model 1000000 works.' }, false).status, 'published');
  });

  it('holds shouting, not a short acronym', () => {
    assert.ok(shouting('THIS IS THE WORST SHIRT I HAVE EVER BOUGHT'));
    assert.ok(!shouting('Great for USB-C and HDMI'));
    assert.equal((moderate({ title: 'TERRIBLE', body: 'DO NOT BUY THIS, IT FELL APART IN A WEEK' }, false) as { rule: string }).rule, 'all_caps');
  });

  it('holds a copied body; the digest ignores case, punctuation and spacing', () => {
    assert.equal(bodyDigest('Great, great  shirt!'), bodyDigest('great great shirt'));
    assert.notEqual(bodyDigest('great shirt'), bodyDigest('great shirts'));
    assert.equal((moderate(ok, true) as { rule: string }).rule, 'copied_body');
  });
});
