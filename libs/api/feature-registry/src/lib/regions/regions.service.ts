import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditService,
  CLOCK,
  type AuditActor,
  type Clock,
  type DataScope,
} from '@efficacy/api/core';
import { hierarchyAsOf, type Hierarchy, type Region, type Unit } from '@efficacy/indicator-model';
import { regionNotFound } from '../http/not-found';
import { todayIso } from '../http/today';
import { RegistryRepository } from '../persistence/registry.repository';
import type { RegionChildRow, RegionSearchRow, RegionSuccessionRow } from '../persistence/rows';
import type { RecordSuccessionDto } from './dto/record-succession.dto';
import { DEFAULT_TREE_DEPTH } from './dto/list-regions.dto';
import type {
  RecordRegionSuccessionResult,
  RegionChild,
  RegionDetail,
  RegionNode,
  RegionSearchHit,
  RegionSuccession,
  UnitListItem,
} from './regions.types';

/** "Since always": the start of a link that held before the first recorded change. */
const SINCE_ALWAYS = '0001-01-01';

function regionChild(row: RegionChildRow): RegionChild {
  return {
    code: row.code,
    level: row.level as RegionChild['level'],
    nameZh: row.name_zh,
    nameEn: row.name_en,
    generatedCode: row.generated_code,
    ...(row.valid_from ? { validFrom: row.valid_from } : {}),
    ...(row.valid_to ? { validTo: row.valid_to } : {}),
    childCount: row.child_count,
    unitCount: row.unit_count,
  };
}

function regionSearchHit(row: RegionSearchRow): RegionSearchHit {
  return {
    code: row.code,
    level: row.level as RegionSearchHit['level'],
    nameZh: row.name_zh,
    nameEn: row.name_en,
    ...(row.valid_from ? { validFrom: row.valid_from } : {}),
    ...(row.valid_to ? { validTo: row.valid_to } : {}),
    path: row.path,
  };
}

function regionSuccession(row: RegionSuccessionRow): RegionSuccession {
  return {
    id: row.id,
    kind: row.kind,
    date: row.date,
    from: row.from_codes,
    to: row.to_codes,
    ...(row.note ? { note: row.note } : {}),
    ...(row.edition ? { edition: row.edition } : {}),
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}

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
    private readonly dataSource: DataSource,
    private readonly registry: RegistryRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One level of the tree below a region in scope (404 outside it, as for one that does not exist). */
  async children(
    scope: DataScope,
    code: string,
    asOf = todayIso(this.clock.now()),
  ): Promise<RegionChild[]> {
    if (!scope.regionCodes.includes(code) || !(await this.registry.findRegion(scope, code))) {
      throw regionNotFound(code);
    }
    return (await this.registry.childrenOf(scope, code, asOf)).map(regionChild);
  }

  /** Regions in scope by the start of their code or part of their name, on a day. */
  async search(
    scope: DataScope,
    query: string,
    asOf = todayIso(this.clock.now()),
    limit = 20,
  ): Promise<RegionSearchHit[]> {
    return (await this.registry.searchRegions(scope, query, asOf, limit)).map(regionSearchHit);
  }

  async successions(scope: DataScope, code: string): Promise<RegionSuccession[]> {
    if (!(await this.registry.findRegion(scope, code))) throw regionNotFound(code);
    return (await this.registry.regionSuccessions(scope, code)).map(regionSuccession);
  }

  /**
   * Records a merge, split or rename from its day on, in one audited transaction: the old
   * regions end the day before (valid_to), successors the registry lacks are created beside
   * them, and for a merge or rename their townships and units move to the successor with a
   * dated link to the old region, so periods before the day still assess under the old tree.
   */
  async recordSuccession(
    actor: AuditActor,
    scope: DataScope,
    body: RecordSuccessionDto,
  ): Promise<RecordRegionSuccessionResult> {
    const { kind, date, from } = body;
    const to = body.to.map((t) => t.code);
    // Out of scope first (404, as for a region that does not exist), then the shape.
    for (const code of from) {
      if (!(await this.registry.findRegion(scope, code))) throw regionNotFound(code);
    }
    const shape =
      kind === 'merge'
        ? from.length >= 2 && to.length === 1
        : kind === 'split'
          ? from.length === 1 && to.length >= 2
          : from.length === 1 && to.length === 1;
    if (!shape) {
      throw new BadRequestException(
        `a ${kind} goes from ${kind === 'merge' ? 'two or more regions to one' : kind === 'split' ? 'one region to two or more' : 'one region to one'}; got ${from.length} → ${to.length}`,
      );
    }
    const overlap = from.filter((c) => to.includes(c));
    if (overlap.length > 0 || new Set([...from, ...to]).size !== from.length + to.length) {
      throw new BadRequestException(
        `a region cannot both end and succeed, nor appear twice: ${[...from, ...to].join(', ')}`,
      );
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const predecessors: Region[] = [];
      for (const code of from) {
        const region = await this.registry.findRegion(scope, code, manager, true);
        if (!region) throw regionNotFound(code);
        if (region.validTo !== undefined && region.validTo <= date) {
          throw new ConflictException(
            `region ${code} (${region.nameZh}) already ended on ${region.validTo}, before ${date}`,
          );
        }
        if (region.validFrom !== undefined && region.validFrom >= date) {
          throw new ConflictException(
            `region ${code} (${region.nameZh}) began on ${region.validFrom}: it cannot end on ${date}`,
          );
        }
        predecessors.push(region);
      }
      const first = predecessors[0];
      const created: string[] = [];
      for (const successor of body.to) {
        const existing = await this.registry.findRegion(scope, successor.code, manager);
        if (existing) continue;
        const [{ known }]: Array<{ known: boolean }> = await manager.query(
          'SELECT EXISTS (SELECT 1 FROM region WHERE code = $1) AS known',
          [successor.code],
        );
        if (known) throw regionNotFound(successor.code);
        if (!successor.nameZh) {
          throw new BadRequestException(
            `region ${successor.code} is not in the registry: give its name (to[].nameZh) to create it`,
          );
        }
        if (first.parentCode === undefined || !scope.regionCodes.includes(first.parentCode)) {
          throw new ForbiddenException(
            `region ${successor.code} would be created under ${first.parentCode ?? 'no parent'}, which is outside your scope`,
          );
        }
        await manager.query(
          `INSERT INTO region (code, level, name_zh, name_en, parent_code, generated_code, valid_from)
           VALUES ($1, $2, $3, '', $4, false, $5)`,
          [successor.code, first.level, successor.nameZh, first.parentCode, date],
        );
        created.push(successor.code);
      }
      await manager.query(`UPDATE region SET valid_to = $2 WHERE code = ANY($1::text[])`, [
        from,
        date,
      ]);
      let movedRegions = 0;
      let movedUnits = 0;
      if (kind !== 'split') {
        const [successor] = to;
        await manager.query(
          `INSERT INTO region_link (child_code, parent_code, valid_from, valid_to)
           SELECT r.code, r.parent_code, COALESCE(r.valid_from, $3::date), $4::date
             FROM region r WHERE r.parent_code = ANY($1::text[]) AND r.code <> $2`,
          [from, successor, SINCE_ALWAYS, date],
        );
        const [moved]: [unknown[], number] = await manager.query(
          `UPDATE region SET parent_code = $2 WHERE parent_code = ANY($1::text[]) AND code <> $2 RETURNING code`,
          [from, successor],
        );
        movedRegions = moved.length;
        await manager.query(
          `INSERT INTO unit_region_link (unit_id, region_code, valid_from, valid_to)
           SELECT u.id, u.region_code, COALESCE(u.valid_from, $2::date), $3::date
             FROM unit u WHERE u.region_code = ANY($1::text[])`,
          [from, SINCE_ALWAYS, date],
        );
        const [units]: [unknown[], number] = await manager.query(
          `UPDATE unit SET region_code = $2 WHERE region_code = ANY($1::text[]) RETURNING id`,
          [from, successor],
        );
        movedUnits = units.length;
      }
      const [row]: RegionSuccessionRow[] = await manager.query(
        `INSERT INTO region_succession (kind, date, from_codes, to_codes, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id::text AS id, kind, date::text AS date, from_codes, to_codes, note, edition,
                   recorded_by, recorded_at`,
        [kind, date, from, to, body.note ?? null, actor.principal.username, this.clock.now()],
      );
      const succession = regionSuccession(row);
      await this.audit.record(manager, actor, {
        action: 'region.succession',
        targetType: 'region',
        targetId: to.join(','),
        regionCodes: [
          ...new Set([...from, ...to, ...(first.parentCode ? [first.parentCode] : [])]),
        ],
        before: {
          regions: predecessors.map((r) => ({
            code: r.code,
            nameZh: r.nameZh,
            validTo: r.validTo ?? null,
          })),
        },
        after: { succession, created, movedRegions, movedUnits },
      });
      return { succession, created, movedRegions, movedUnits };
    });
    return result;
  }

  /**
   * The tree in scope, `depth` levels from the user's own regions (three by default: a
   * province's cities and counties, a county's townships and villages). A province holds
   * thousands of townships; views open them level by level with `children`.
   */
  async tree(
    scope: DataScope,
    asOf = todayIso(this.clock.now()),
    depth = DEFAULT_TREE_DEPTH,
  ): Promise<RegionNode[]> {
    const hierarchy = await this.hierarchy(scope, asOf);
    const inScope = new Set(scope.regionCodes);
    const node = (region: Region, level: number): RegionNode => ({
      code: region.code,
      level: region.level,
      nameZh: region.nameZh,
      nameEn: region.nameEn,
      ...(hierarchy.parentOf(region.code) ? { parentCode: hierarchy.parentOf(region.code) } : {}),
      generatedCode: region.generatedCode === true,
      unitCount: hierarchy.unitsOf(region.code).length,
      children:
        level < depth
          ? hierarchy
              .childRegions(region.code)
              .filter((c) => inScope.has(c.code))
              .sort((a, b) => a.code.localeCompare(b.code))
              .map((c) => node(c, level + 1))
          : [],
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
      .map((r) => node(r, 1));
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
