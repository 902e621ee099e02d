import { accessOf, type HttpApp, InvalidData, operation, requires } from '@mercato/chassis';
import { createAjv, plainText, toFieldErrors } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import type { CatalogDeps } from '../deps.js';
import { csvToProducts, parseCsv } from '../import/csv.js';
import { importProducts, MAX_IMPORT_PRODUCTS, type ImportRow } from '../import/import-products.js';

export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

// The envelope only: each product is validated on its own so every bad row can be reported.
const JsonImport = Type.Object(
  { products: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_IMPORT_PRODUCTS }) },
  { additionalProperties: false },
);
// Compiled on the first JSON import, not at every start of the catalog.
let jsonImportValidator: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;
const validateJsonImport = () => (jsonImportValidator ??= createAjv().compile(plainText(JsonImport)));

const FieldErrorSchema = Type.Object({ pointer: Type.String(), message: Type.String() }, { additionalProperties: false });
const ReportSchema = Type.Object(
  {
    dryRun: Type.Literal(true),
    total: Type.Integer({ description: 'products in the file' }),
    valid: Type.Integer({ description: 'products that would be imported' }),
    rejected: Type.Array(
      Type.Object(
        {
          row: Type.Integer({ description: 'the product’s position in the file, from 1' }),
          lines: Type.Optional(Type.Array(Type.Integer(), { description: 'CSV: the lines of the file it came from' })),
          slug: Type.Union([Type.String(), Type.Null()]),
          errors: Type.Array(FieldErrorSchema),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ description: 'check every row and report, write nothing (200 with the report, rejected rows included)' })) },
  { additionalProperties: false },
);

const ImportedSchema = Type.Object(
  {
    imported: Type.Integer({ minimum: 0, maximum: MAX_IMPORT_PRODUCTS }),
    products: Type.Array(Type.Object({ id: Type.String({ maxLength: 40 }), slug: Type.String({ maxLength: 200 }) }, { additionalProperties: false }), {
      maxItems: MAX_IMPORT_PRODUCTS,
    }),
  },
  { additionalProperties: false },
);

function rowsFromBody(contentType: string, body: unknown): ImportRow[] {
  if (contentType.startsWith('text/csv')) {
    const parsed = parseCsv(String(body ?? ''), MAX_IMPORT_PRODUCTS * 100 + 1);
    if (parsed.error) throw new InvalidData(`The CSV cannot be read: ${parsed.error}`);
    const { products, error } = csvToProducts(parsed.records);
    if (error) throw new InvalidData(`The CSV cannot be read: ${error}`);
    if (products.length === 0) throw new InvalidData('The CSV has no product rows');
    if (products.length > MAX_IMPORT_PRODUCTS) throw new InvalidData(`At most ${MAX_IMPORT_PRODUCTS} products per import`);
    return products.map((p, i) => ({ row: i + 1, lines: p.lines, body: p.body, errors: p.errors }));
  }
  const validate = validateJsonImport();
  if (!validate(body)) throw new InvalidData('The import body is invalid', toFieldErrors(validate.errors));
  return (body as { products: unknown[] }).products.map((b, i) => ({ row: i + 1, body: b }));
}

export function importRoutes(app: HttpApp, deps: CatalogDeps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post(
      '/products/import',
      {
        ...requires(deps, 'catalog:write'),
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          ...operation('importProducts', accessOf('catalog:write'), {
            400: ['invalid_data', 'malformed_body'],
            413: 'payload_too_large',
            415: 'unsupported_media_type',
            422: 'import_rejected',
          }),
          tags: ['products'],
          consumes: ['application/json', 'text/csv'],
          summary: 'Import products from JSON ({"products": [...]}) or CSV (text/csv), all or nothing',
          description:
            'JSON: each item is a product body as POST /products takes it. CSV: one row per variant, rows with the same slug form one product; columns slug, title, description, status, categories (a|b), images (url|url), seo_title, seo_description, attr:<name>, option1_name…option3_name, option1_value…option3_value, sku, variant_title, price:<CURRENCY> in major units (19.99). Every row is validated; if any is rejected the answer is 422 with every rejected row (`rejected[].row`, CSV `lines`, field errors) and nothing is imported. With ?dryRun=true nothing is written and the answer is 200 with the same report (`rejected` empty when the file would import).',
          querystring: ImportQuery,
          response: { 200: ReportSchema, 201: ImportedSchema },
        },
      },
      async (req, reply) => {
        const rows = rowsFromBody(String(req.headers['content-type'] ?? ''), req.body);
        if ((req.query as { dryRun?: boolean }).dryRun) return reply.code(200).send(await importProducts(deps, rows, { dryRun: true }));
        const products = await importProducts(deps, rows);
        return reply.code(201).send({ imported: products.length, products: products.map((p) => ({ id: p.id, slug: p.slug })) });
      },
    );
  });
}
