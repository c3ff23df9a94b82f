import type { RegionNode } from '@efficacy/api-contract';

export interface RegionOption {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: string;
  readonly depth: number;
}

/** The scope's region tree as a flat list, parents before their children. */
export function flattenRegions(nodes: readonly RegionNode[], depth = 0): RegionOption[] {
  return nodes.flatMap((n) => [
    { code: n.code, nameZh: n.nameZh, nameEn: n.nameEn, level: n.level, depth },
    ...flattenRegions(n.children, depth + 1),
  ]);
}

/** Region code → Chinese name, for tables that carry only codes. */
export function regionNameMap(nodes: readonly RegionNode[]): Map<string, string> {
  return new Map(flattenRegions(nodes).map((o) => [o.code, o.nameZh]));
}
