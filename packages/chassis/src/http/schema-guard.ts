/**
 * Refuses, at start-up, a route schema that leaves something unbounded: an object that accepts
 * unknown fields, a string without a length bound, an array without an item bound, a number
 * without a range. So no service can forget the boundary rules by accident.
 */
type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function findUnboundedParts(schema: unknown, path: string, opts: { allowExtraProps?: boolean } = {}): string[] {
  const problems: string[] = [];
  const visit = (s: unknown, p: string, allowExtra: boolean) => {
    if (!isObj(s)) return;
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = s[key];
      if (Array.isArray(list)) list.forEach((sub, i) => visit(sub, `${p}/${key}/${i}`, allowExtra));
    }
    if ('const' in s || 'enum' in s) return;
    const type = s.type;
    const types = Array.isArray(type) ? type : [type];
    if (types.includes('object') || isObj(s.properties)) {
      if (!allowExtra && s.additionalProperties !== false && !isObj(s.patternProperties)) {
        problems.push(`${p}: object must set additionalProperties: false`);
      }
      if (isObj(s.properties)) {
        for (const [k, sub] of Object.entries(s.properties)) visit(sub, `${p}/${k}`, false);
      }
      if (isObj(s.additionalProperties)) {
        visit(s.additionalProperties, `${p}/*`, false);
        if (typeof s.maxProperties !== 'number') problems.push(`${p}: map must set maxProperties`);
      }
    }
    if (types.includes('string')) {
      const bounded = typeof s.maxLength === 'number' || (typeof s.format === 'string' && s.format !== 'binary');
      if (!bounded) problems.push(`${p}: string must set maxLength`);
    }
    if (types.includes('array')) {
      if (typeof s.maxItems !== 'number') problems.push(`${p}: array must set maxItems`);
      if (isObj(s.items)) visit(s.items, `${p}/items`, false);
    }
    if (types.includes('number') || types.includes('integer')) {
      const hasMax = typeof s.maximum === 'number' || typeof s.exclusiveMaximum === 'number';
      const hasMin = typeof s.minimum === 'number' || typeof s.exclusiveMinimum === 'number';
      if (!hasMax || !hasMin) problems.push(`${p}: number must set minimum and maximum`);
    }
  };
  visit(schema, path, opts.allowExtraProps ?? false);
  return problems;
}
