import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvToProducts, parseCsv, parseMajorUnits } from './csv.js';

describe('CSV parsing', () => {
  it('reads quoted fields, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\n2,"multi\nline",4\n';
    const { records, error } = parseCsv(text, 100);
    assert.equal(error, undefined);
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"', '3'] },
      { line: 3, fields: ['2', 'multi\nline', '4'] },
    ]);
  });

  it('reads mixed line ends (a line break inside a field becomes LF), skips blank lines, and numbers records by the line they start on', () => {
    const { records, error } = parseCsv('a,b\r\n"x\r\ny",1\n\n2,3\r4,5', 100);
    assert.equal(error, undefined);
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '1'] },
      { line: 5, fields: ['2', '3'] },
      { line: 6, fields: ['4', '5'] },
    ]);
  });

  it('reports an unclosed quote and too many rows', () => {
    assert.match(parseCsv('a\n"open', 10).error!, /never closes/);
    assert.match(parseCsv('a\n1\n2\n3\n', 2).error!, /more than 1 rows/);
  });

  it('parses prices exactly in the currency’s minor units', () => {
    assert.equal(parseMajorUnits('19.99', 'USD'), 1999);
    assert.equal(parseMajorUnits('19.9', 'USD'), 1990);
    assert.equal(parseMajorUnits('20', 'USD'), 2000);
    assert.equal(parseMajorUnits('0.07', 'USD'), 7);
    assert.equal(parseMajorUnits('4980', 'JPY'), 4980);
    assert.match(String(parseMajorUnits('49.5', 'JPY')), /JPY has 0 decimal places/);
    assert.equal(parseMajorUnits('1.250', 'KWD'), 1250);
    assert.match(String(parseMajorUnits('-5', 'USD')), /not a price/);
    assert.match(String(parseMajorUnits('1e3', 'USD')), /not a price/);
    assert.match(String(parseMajorUnits('5', 'XXQ')), /not an ISO 4217/);
  });

  it('groups variant rows into products by slug', () => {
    const { records } = parseCsv(
      [
        'slug,title,status,categories,option1_name,option1_value,sku,price:USD,price:JPY,attr:material',
        'tee,Plain Tee,published,men|sale,Size,S,TEE-S,15.00,2000,cotton',
        'tee,,,,,M,TEE-M,15.50,2100,',
        'mug,Mug,draft,,,,MUG-1,9.99,,',
      ].join('\n'),
      100,
    );
    const { products, error } = csvToProducts(records);
    assert.equal(error, undefined);
    assert.equal(products.length, 2);
    assert.deepEqual(products[0]!.lines, [2, 3]);
    assert.deepEqual(products[0]!.body, {
      slug: 'tee',
      title: 'Plain Tee',
      status: 'published',
      categories: ['men', 'sale'],
      attributes: { material: 'cotton' },
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'TEE-S', options: { Size: 'S' }, prices: [{ amount: 1500, currency: 'USD' }, { amount: 2000, currency: 'JPY' }] },
        { sku: 'TEE-M', options: { Size: 'M' }, prices: [{ amount: 1550, currency: 'USD' }, { amount: 2100, currency: 'JPY' }] },
      ],
    });
    assert.deepEqual(products[1]!.body, { slug: 'mug', title: 'Mug', status: 'draft', variants: [{ sku: 'MUG-1', prices: [{ amount: 999, currency: 'USD' }] }] });
  });

  it('refuses unknown columns and a header without the required ones', () => {
    assert.match(csvToProducts(parseCsv('slug,title,sku,colour\n', 10).records).error!, /unknown columns: colour/);
    assert.match(csvToProducts(parseCsv('slug,title\n', 10).records).error!, /no "sku" column/);
  });
});
