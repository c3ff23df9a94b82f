import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) of a value as JSON stores it: Dates become their
 * ISO strings and undefined members disappear first (a JSON round trip, as PostgreSQL's
 * jsonb would keep it), then `canonicalize` sorts keys by UTF-16 code units and writes
 * numbers as ECMAScript does. Audit entries of hash version 2 are hashed over this.
 */
export function canonicalJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return canonicalize(JSON.parse(json)) as string;
}

/**
 * The hand-written form that audit entries of hash version 1 were hashed over: keys
 * sorted, then put back into an object. It differs from RFC 8785 in one case: a JavaScript
 * object lists integer-like keys ("9", "10") first in numeric order, so `{"10":…,"9":…,"a":…}`
 * comes out as 9, 10, a instead of 10, 9, a. Kept only to verify those entries.
 */
export function canonicalJsonV1(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
