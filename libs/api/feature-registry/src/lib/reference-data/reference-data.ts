import type { AuditActor, Principal } from '@efficacy/api/core';
import {
  DEMO_REGISTRY,
  DEMO_TARGETS,
  type Region,
  type Registry,
  type Target,
} from '@efficacy/indicator-model';

/** The demo's regions, units and targets, loaded only with DEMO_DATA=true (npm start, the tests). */
export interface ReferenceData {
  readonly registry: Registry;
  readonly targets: readonly Target[];
}

/** The seeds' regions and units with the Yinchuan, Jinfeng and Gansu 2022 targets. */
export const DEMO_REFERENCE_DATA: ReferenceData = {
  registry: DEMO_REGISTRY,
  targets: DEMO_TARGETS,
};

/**
 * The actor of changes the API makes by itself. It holds no role, region or unit: the audit
 * entry says the system did it, not a person borrowing its rights.
 */
export function systemActor(): AuditActor {
  const principal: Principal = {
    subject: 'system',
    username: 'system',
    displayName: 'Efficacy',
    roles: [],
    permissions: new Set(),
    regions: [],
    units: [],
    expiresAt: new Date(0),
  };
  return { principal, requestId: null, clientAddress: null };
}

/**
 * Regions in an order that satisfies the parent foreign key: every parent before its
 * children. Throws on a parent that is neither in the list nor already stored, or on a cycle,
 * naming the region, so a broken seed fails the start with a sentence instead of a constraint
 * violation.
 */
export function parentsFirst(
  regions: readonly Region[],
  stored: ReadonlySet<string> = new Set(),
): Region[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const placed = new Set<string>(stored);
  const ordered: Region[] = [];
  const visiting = new Set<string>();
  const place = (region: Region): void => {
    if (placed.has(region.code)) return;
    if (visiting.has(region.code)) {
      throw new Error(`region ${region.code} is its own ancestor in the reference data`);
    }
    visiting.add(region.code);
    if (region.parentCode !== undefined && !placed.has(region.parentCode)) {
      const parent = byCode.get(region.parentCode);
      if (!parent) {
        throw new Error(
          `region ${region.code} (${region.nameZh}) has parent ${region.parentCode}, which is not in the reference data`,
        );
      }
      place(parent);
    }
    visiting.delete(region.code);
    placed.add(region.code);
    ordered.push(region);
  };
  for (const region of regions) place(region);
  return ordered;
}
