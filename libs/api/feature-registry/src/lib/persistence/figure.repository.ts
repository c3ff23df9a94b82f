import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DataScope } from '@efficacy/api/core';
import type { Dataset } from '@efficacy/indicator-model';
import type { FigureWindow } from './figure-window';
import { periodYearsSql } from './figure-window';
import { toDatasets } from './row-mapping';
import type { ImportRow, ObservationRow, ReportedValueRow, UnitGroupRow } from './rows';
import { runQueries } from './run-queries';
import { scopeParams } from './scope-sql';

const OBSERVATION_YEARS = periodYearsSql('o.period');
const REPORTED_YEARS = periodYearsSql('v.period');

/**
 * Figures of a department role's units only: a unit-bound user sees their own rows, never a
 * region's 合计 (which would reveal the other departments' sum).
 */
const SUBJECT_IN_UNIT_SCOPE = (alias: string) =>
  `($2::text[] IS NULL OR (${alias}.subject_kind = 'unit' AND ${alias}.subject_id = ANY($2::text[])))`;

/**
 * The figures of committed imports, read into the model's Dataset (one per import), with the
 * data scope in the query: only rows whose region is in scope, only committed imports, and for
 * a department role only its units' rows.
 */
@Injectable()
export class FigureRepository {
  private readonly logger = new Logger(FigureRepository.name);

  constructor(private readonly dataSource: DataSource) {}

  async committedDatasets(
    scope: DataScope,
    window: FigureWindow,
    manager = this.dataSource.manager,
  ): Promise<Dataset[]> {
    const params = [...scopeParams(scope), window.fromYear, window.toYear];
    const [observations, reported] = await runQueries<[ObservationRow[], ReportedValueRow[]]>(
      manager,
      [
        () =>
          manager.query(
            `SELECT o.import_id, o.subject_kind, o.subject_id, o.period, o.measure, o.status,
                o.value::text AS value, o.role, o.dimensions, o.provenance
           FROM observation o JOIN import i ON i.id = o.import_id
          WHERE i.status = 'committed'
            AND o.region_code = ANY($1::text[]) AND ${SUBJECT_IN_UNIT_SCOPE('o')}
            AND ${OBSERVATION_YEARS.end} >= $3 AND ${OBSERVATION_YEARS.start} <= $4
          ORDER BY i.created_at, o.id`,
            params,
          ),
        () =>
          manager.query(
            `SELECT v.import_id, v.subject_kind, v.subject_id, v.period, v.indicator, v.status,
                v.value::text AS value, v.digits, v.rounding, v.role, v.provenance
           FROM reported_value v JOIN import i ON i.id = v.import_id
          WHERE i.status = 'committed'
            AND v.region_code = ANY($1::text[]) AND ${SUBJECT_IN_UNIT_SCOPE('v')}
            AND ${REPORTED_YEARS.end} >= $3 AND ${REPORTED_YEARS.start} <= $4
          ORDER BY i.created_at, v.id`,
            params,
          ),
      ],
    );
    const importIds = [...new Set([...observations, ...reported].map((r) => r.import_id))];
    if (importIds.length === 0) return [];
    const [imports, groups] = await runQueries<[ImportRow[], UnitGroupRow[]]>(manager, [
      () =>
        manager.query(
          `SELECT i.id, i.file_name, i.adapter_id, i.adapter_version, i.created_at
           FROM import i WHERE i.id = ANY($1::uuid[]) ORDER BY i.created_at, i.id`,
          [importIds],
        ),
      // A 小计 group only matters where its import brought rows in scope; its unit list is
      // not a figure, and the engine only sums the units it can see.
      () =>
        manager.query(
          `SELECT g.import_id, g.id, g.label_zh, g.unit_ids
           FROM unit_group g WHERE g.import_id = ANY($1::uuid[]) ORDER BY g.import_id, g.id`,
          [importIds],
        ),
    ]);
    const { datasets, unknownMeasures } = toDatasets({ imports, observations, reported, groups });
    if (unknownMeasures.length > 0) {
      this.logger.warn(
        `left out figures of measures this build does not know: ${unknownMeasures.join(', ')}`,
      );
    }
    return datasets;
  }
}
