import openapiTS, { astToString } from 'openapi-typescript';

/** The header of the generated file: what it is and how it is made again. */
const HEADER = `// Generated from the merged OpenAPI document the gateway serves (GET /api/v1/openapi.json).
// Do not edit: run \`npm run generate -w @mercato/client\` after an API change. A test fails when
// this file no longer matches what the services serve.
`;

/** Parts of the merged document that describe the running instance, not the API. */
function apiOnly(doc: Record<string, unknown>): Record<string, unknown> {
  const { servers: _servers, 'x-unavailable': unavailable, ...rest } = doc as Record<string, unknown> & { 'x-unavailable'?: unknown[] };
  if (Array.isArray(unavailable) && unavailable.length > 0) {
    throw new Error(`the merged document misses ${unavailable.join(', ')}: every service must be up to generate the client`);
  }
  const info = (rest.info ?? {}) as Record<string, unknown>;
  return { ...rest, info: { title: info.title ?? 'mercato', version: info.version ?? '0' } };
}

/** The TypeScript types of a merged OpenAPI document: `paths`, `components`, `operations`. */
export async function generateTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(apiOnly(doc) as never, { alphabetize: true, exportType: true });
  return HEADER + astToString(ast);
}
