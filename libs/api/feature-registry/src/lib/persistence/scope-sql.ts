import type { DataScope } from '@efficacy/api/core';

/**
 * The data scope as bound parameters. Every scoped query in this library takes them as its
 * first two parameters: `$1` the region codes at or below the user's regions, `$2` the unit
 * ids of a department role (null for everyone else), so the predicate is always
 * `region_code = ANY($1::text[]) AND ($2::text[] IS NULL OR unit_id = ANY($2::text[]))`.
 */
export function scopeParams(scope: DataScope): [string[], string[] | null] {
  return [[...scope.regionCodes], scope.unitIds === null ? null : [...scope.unitIds]];
}

/**
 * The regions in scope and every region above them (`$1` as in scopeParams). Ancestors are
 * visible for what flows down from them (an inherited target, a name in a breadcrumb), never
 * for their own figures or units.
 */
export const SCOPE_AND_ANCESTORS_CTE = `WITH RECURSIVE visible(code) AS (
    SELECT code FROM region WHERE code = ANY($1::text[])
    UNION
    SELECT r.parent_code FROM region r JOIN visible v ON r.code = v.code
     WHERE r.parent_code IS NOT NULL
  )`;

/** Unit predicate for alias `u` of table `unit`, with `$1`/`$2` from scopeParams. */
export const UNIT_IN_SCOPE = `(u.region_code = ANY($1::text[]) AND ($2::text[] IS NULL OR u.id = ANY($2::text[])))`;
