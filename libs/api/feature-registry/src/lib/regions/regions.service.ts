import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type DataScope } from '@efficacy/api/core';
import { hierarchyAsOf, type Hierarchy, type Region, type Unit } from '@efficacy/indicator-model';
import { regionNotFound } from '../http/not-found';
import { todayIso } from '../http/today';
import { RegistryRepository } from '../persistence/registry.repository';
import type { RegionDetail, RegionNode, UnitListItem } from './regions.types';

export function unitListItem(unit: Unit): UnitListItem {
  return {
    id: unit.id,
    kind: unit.kind,
    nameZh: unit.nameZh,
    ...(unit.nameEn ? { nameEn: unit.nameEn } : {}),
    regionCode: unit.regionCode,
    aliases: unit.aliases,
    ...(unit.validFrom ? { validFrom: unit.validFrom } : {}),
    ...(unit.validTo ? { validTo: unit.validTo } : {}),
  };
}

/** Regions as a tree within the user's scope; the rows come from the scoped repository. */
@Injectable()
export class RegionsService {
  constructor(
    private readonly registry: RegistryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async tree(scope: DataScope, asOf = todayIso(this.clock.now())): Promise<RegionNode[]> {
    const hierarchy = await this.hierarchy(scope, asOf);
    const inScope = new Set(scope.regionCodes);
    const node = (region: Region): RegionNode => ({
      code: region.code,
      level: region.level,
      nameZh: region.nameZh,
      nameEn: region.nameEn,
      ...(hierarchy.parentOf(region.code) ? { parentCode: hierarchy.parentOf(region.code) } : {}),
      generatedCode: region.generatedCode === true,
      unitCount: hierarchy.unitsOf(region.code).length,
      children: hierarchy
        .childRegions(region.code)
        .filter((c) => inScope.has(c.code))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(node),
    });
    // Roots are the regions in scope whose parent is not: the user's own top regions.
    return hierarchy
      .regions()
      .filter((r) => inScope.has(r.code))
      .filter((r) => {
        const parent = hierarchy.parentOf(r.code);
        return parent === undefined || !inScope.has(parent);
      })
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(node);
  }

  async detail(
    scope: DataScope,
    code: string,
    asOf = todayIso(this.clock.now()),
  ): Promise<RegionDetail> {
    const hierarchy = await this.hierarchy(scope, asOf);
    const region = scope.regionCodes.includes(code) ? hierarchy.region(code) : undefined;
    if (!region) throw regionNotFound(code);
    const inScope = new Set(scope.regionCodes);
    return {
      code: region.code,
      level: region.level,
      nameZh: region.nameZh,
      nameEn: region.nameEn,
      generatedCode: region.generatedCode === true,
      ...(region.validFrom ? { validFrom: region.validFrom } : {}),
      ...(region.validTo ? { validTo: region.validTo } : {}),
      asOf,
      ancestors: hierarchy.ancestorsOf(code).flatMap((c) => {
        const ancestor = hierarchy.region(c);
        return ancestor
          ? [
              {
                code: ancestor.code,
                nameZh: ancestor.nameZh,
                nameEn: ancestor.nameEn,
                inScope: inScope.has(ancestor.code),
              },
            ]
          : [];
      }),
      children: hierarchy
        .childRegions(code)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((c) => ({
          code: c.code,
          level: c.level,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          unitCount: hierarchy.unitsOf(c.code).length,
        })),
      units: hierarchy
        .unitsOf(code)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(unitListItem),
    };
  }

  private async hierarchy(scope: DataScope, asOf: string): Promise<Hierarchy> {
    return hierarchyAsOf(await this.registry.registryFor(scope), asOf);
  }
}
