import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';

/**
 * What a user may reach, resolved once per request from their Keycloak claims and the
 * region tree: every region at or below the regions they hold, and, for department
 * roles, only their units. Repositories put this into their WHERE clauses as bound
 * parameters; controllers never filter (ADR 0002).
 */
export interface DataScope {
  /** Region codes at or below the user's regions. */
  readonly regionCodes: readonly string[];
  /** Null when the user is not limited to units; otherwise the unit ids they reach. */
  readonly unitIds: readonly string[] | null;
}

const UNIT_BOUND_ROLES = new Set(['dept-head', 'dept-staff']);

@Injectable()
export class ScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(
    principal: Principal,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DataScope> {
    const regionCodes = await this.regionsAtOrBelow(principal.regions, manager);
    const unitBound =
      principal.roles.length > 0 && principal.roles.every((r) => UNIT_BOUND_ROLES.has(r));
    return { regionCodes, unitIds: unitBound ? principal.units : null };
  }

  /** The codes at or below `roots` in the current region tree (parent links of the region table). */
  async regionsAtOrBelow(
    roots: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (roots.length === 0) return [];
    const rows: Array<{ code: string }> = await manager.query(
      `WITH RECURSIVE below(code) AS (
         SELECT code FROM region WHERE code = ANY($1::text[])
         UNION
         SELECT r.code FROM region r JOIN below b ON r.parent_code = b.code
       )
       SELECT code FROM below ORDER BY code`,
      [roots],
    );
    // A region the user holds but the registry does not know yet still scopes its own rows.
    return [...new Set([...rows.map((r) => r.code), ...roots])].sort();
  }
}

export function inScope(scope: DataScope, regionCode: string, unitId?: string | null): boolean {
  if (!scope.regionCodes.includes(regionCode)) return false;
  if (scope.unitIds === null) return true;
  return unitId !== undefined && unitId !== null && scope.unitIds.includes(unitId);
}
