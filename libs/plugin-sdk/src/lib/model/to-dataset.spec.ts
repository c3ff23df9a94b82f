import {
  DEMO_REGISTRY,
  createUnitMatcher,
  hierarchyAsOf,
  subjectKey,
} from '@efficacy/indicator-model';
import type { NormalisedBatch, Provenance, ValueState } from '../contract/batch';
import { mapBatch } from './to-dataset';

const prov = (row: number, column: string): Provenance => ({
  file: 'jinfeng.xlsx',
  sheet: '附件2',
  row,
  column,
  columnIndex: column.charCodeAt(0) - 64,
});
const num = (value: number, raw = String(value), decimals = 0): ValueState => ({
  status: 'number',
  value,
  unit: 'count',
  decimals,
  raw,
});

function batch(partial: Partial<NormalisedBatch>): NormalisedBatch {
  return {
    schemaVersion: 1,
    adapter: { id: 'ningxia', version: '1.0.0' },
    reportKind: 'good-bad-review',
    source: { fileName: 'jinfeng.xlsx', sha256: 'x'.repeat(64), byteLength: 1 },
    period: '2022-01..2022-08',
    regionCode: '640106',
    measures: [],
    indicators: [],
    totals: [],
    targets: [],
    planItems: [],
    warnings: [],
    ...partial,
  };
}

describe('mapBatch', () => {
  const hierarchy = hierarchyAsOf(DEMO_REGISTRY, '2022-08-31');
  const matcher = createUnitMatcher(hierarchy);
  const options = { importId: 'imp-1', hierarchy, matcher };

  it('resolves printed names to units through aliases and keeps the cell as provenance', () => {
    const m = mapBatch(
      batch({
        measures: [
          {
            unitName: '审批局',
            unitPath: ['审批局'],
            table: 't',
            measure: 'cases.offline',
            value: num(5835),
            provenance: prov(7, 'E'),
          },
          {
            unitName: '残联',
            unitPath: ['残联'],
            table: 't',
            measure: 'cases.offline',
            value: { status: 'not_connected', raw: '/' },
            provenance: prov(8, 'E'),
          },
        ],
      }),
      options,
    );
    expect(m.unresolved).toEqual([]);
    expect(m.names.map((n) => [n.name, n.match, n.unitId])).toEqual([
      ['审批局', 'alias', '640106:spj'],
      ['残联', 'alias', '640106:cl'],
    ]);
    const [first, second] = m.dataset.observations;
    expect(subjectKey(first.subject)).toBe('unit:640106:spj');
    expect(first.value).toEqual({ status: 'number', value: 5835 });
    expect(first.provenance).toEqual(
      expect.objectContaining({
        importId: 'imp-1',
        sheet: '附件2',
        row: 7,
        column: 'E',
        printed: '5835',
      }),
    );
    expect(second.value.status).toBe('not_connected');
  });

  it('keeps a 合计 row as the region total, checked rather than summed', () => {
    const m = mapBatch(
      batch({
        totals: [
          {
            kind: 'total',
            label: '合计',
            unitPath: [],
            table: 't',
            sheet: '附件2',
            row: 24,
            covers: [7, 8],
            values: [
              {
                code: 'cases.offline',
                codeKind: 'measure',
                value: num(12136),
                provenance: prov(24, 'E'),
              },
            ],
          },
        ],
      }),
      options,
    );
    expect(m.dataset.observations).toEqual([
      expect.objectContaining({
        subject: { kind: 'region', code: '640106' },
        role: 'total',
        measure: 'cases.offline',
      }),
    ]);
  });

  it('lists an unknown name with suggestions instead of guessing, and leaves its figures out', () => {
    const m = mapBatch(
      batch({
        measures: [
          {
            unitName: '金凤区审批服务局',
            unitPath: ['金凤区审批服务局'],
            table: 't',
            measure: 'cases',
            value: num(1),
            provenance: prov(9, 'C'),
          },
        ],
      }),
      options,
    );
    expect(m.unresolved).toHaveLength(1);
    expect(m.dataset.observations).toEqual([]);
    expect(m.warnings.map((w) => w.code)).toContain('UNRESOLVED_UNIT');
  });

  it('uses a confirmed match for a name the matcher only suggests', () => {
    const m = mapBatch(
      batch({
        measures: [
          {
            unitName: '金凤区审批服务局',
            unitPath: ['金凤区审批服务局'],
            table: 't',
            measure: 'cases',
            value: num(1),
            provenance: prov(9, 'C'),
          },
        ],
      }),
      { ...options, confirmed: { 金凤区审批服务局: '640106:spj' } },
    );
    expect(m.unresolved).toEqual([]);
    expect(subjectKey(m.dataset.observations[0].subject)).toBe('unit:640106:spj');
  });

  it('drops a measure code the catalogue does not know, with a warning', () => {
    const m = mapBatch(
      batch({
        measures: [
          {
            unitName: '审批局',
            unitPath: ['审批局'],
            table: 't',
            measure: 'no.such.measure',
            value: num(1),
            provenance: prov(7, 'C'),
          },
        ],
      }),
      options,
    );
    expect(m.dataset.observations).toEqual([]);
    expect(m.warnings[0]).toEqual(expect.objectContaining({ code: 'UNKNOWN_MEASURE' }));
  });
});

describe('mapBatch on nested tables', () => {
  const hierarchy = hierarchyAsOf(DEMO_REGISTRY, '2022-09-30');
  const matcher = createUnitMatcher(hierarchy);

  it('resolves a garbled centre name under its town (格里坪镇便民服务中心心心心)', () => {
    const m = mapBatch(
      batch({
        regionCode: '510403',
        period: '2022-09',
        measures: [
          {
            unitName: '格里坪镇便民服务中心心心心',
            unitPath: ['格里坪镇', '格里坪镇便民服务中心心心心'],
            table: 't',
            measure: 'consultations',
            value: num(12),
            provenance: prov(5, 'C'),
          },
        ],
      }),
      { importId: 'imp-2', hierarchy, matcher },
    );
    expect(m.unresolved).toEqual([]);
    expect(m.names[0]).toEqual(expect.objectContaining({ match: 'normalised' }));
    expect(m.names[0].unitId).toMatch(/^510403:geliping/);
  });
});
