import { assess, createAssessmentContext } from '@efficacy/assessment-engine';
import { DEMO_REGISTRY, DEMO_TARGETS, JINFENG_2022_01_08 } from '@efficacy/indicator-model';
import {
  RowMappingError,
  toDatasets,
  toObservation,
  toProvenance,
  toRegion,
  toReported,
  toTarget,
  toUnit,
} from './row-mapping';
import type { ImportRow, ObservationRow, ReportedValueRow } from './rows';

const IMPORT: ImportRow = {
  id: '7b0c1f5e-0000-4000-8000-000000000001',
  file_name: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
  adapter_id: 'ningxia',
  adapter_version: '1.0.0',
  created_at: new Date('2022-09-14T02:00:00Z'),
};

function observation(overrides: Partial<ObservationRow> = {}): ObservationRow {
  return {
    import_id: IMPORT.id,
    subject_kind: 'unit',
    subject_id: '640106:spj',
    period: '2022-01..2022-08',
    measure: 'cases.offline',
    status: 'number',
    value: '5835',
    role: 'row',
    dimensions: null,
    provenance: { sheet: '附件2', row: 2, column: 'E', printed: '5835' },
    ...overrides,
  };
}

describe('row mapping: registry rows', () => {
  it('reads a region row, leaving absent optional fields out rather than null', () => {
    expect(
      toRegion({
        code: '640106100000',
        level: 'township',
        name_zh: '良田镇',
        name_en: 'Liangtian',
        parent_code: '640106',
        generated_code: true,
        valid_from: null,
        valid_to: null,
      }),
    ).toEqual({
      code: '640106100000',
      level: 'township',
      nameZh: '良田镇',
      nameEn: 'Liangtian',
      parentCode: '640106',
      generatedCode: true,
    });
  });

  it('refuses a level the model does not know, naming the region', () => {
    expect(() =>
      toRegion({
        code: '640106',
        level: 'district',
        name_zh: '金凤区',
        name_en: 'Jinfeng',
        parent_code: null,
        generated_code: false,
        valid_from: null,
        valid_to: null,
      }),
    ).toThrow(
      new RowMappingError(
        'region 640106 level "district" is not one of province, city, county, township, village',
      ),
    );
  });

  it('reads a unit with its aliases and validity', () => {
    expect(
      toUnit({
        id: '640106:spj',
        kind: 'department',
        name_zh: '金凤区审批服务管理局',
        name_en: null,
        region_code: '640106',
        valid_from: '2019-03-01',
        valid_to: null,
        aliases: ['审批局', '审批服务管理局'],
      }),
    ).toEqual({
      id: '640106:spj',
      kind: 'department',
      nameZh: '金凤区审批服务管理局',
      regionCode: '640106',
      aliases: ['审批局', '审批服务管理局'],
      validFrom: '2019-03-01',
    });
  });

  it('reads a target: numeric text to a number, timestamp to ISO, "improve" without a value', () => {
    const base = {
      id: 't1',
      indicator: 'item_coverage',
      region_code: '640100',
      year: 2022,
      deadline: null,
      ongoing: false,
      responsible_zh: null,
      note_zh: '2022年事项覆盖率40%以上',
      source: null,
      set_by: '银川市',
      set_at: new Date('2022-09-13T00:00:00Z'),
    };
    expect(toTarget({ ...base, comparator: '>=', value: '40.0' })).toEqual({
      id: 't1',
      indicator: 'item_coverage',
      regionCode: '640100',
      year: 2022,
      comparator: '>=',
      value: 40,
      setBy: '银川市',
      setAt: '2022-09-13T00:00:00.000Z',
      noteZh: '2022年事项覆盖率40%以上',
    });
    expect(toTarget({ ...base, comparator: 'improve', value: null, ongoing: true })).toEqual(
      expect.objectContaining({ comparator: 'improve', ongoing: true }),
    );
    expect(toTarget({ ...base, comparator: 'improve', value: null })).not.toHaveProperty('value');
  });
});

describe('row mapping: figures', () => {
  it('keeps "/" and "-" as states, never as 0', () => {
    const slash = toObservation(
      observation({ measure: 'cases.offline.evaluated', status: 'not_connected', value: null }),
      IMPORT,
    );
    const dash = toObservation(observation({ status: 'not_applicable', value: null }), IMPORT);
    expect(slash?.value).toEqual({ status: 'not_connected' });
    expect(dash?.value).toEqual({ status: 'not_applicable' });
    expect(toObservation(observation({ value: '0' }), IMPORT)?.value).toEqual({
      status: 'number',
      value: 0,
    });
  });

  it('completes a cell reference from its import so a number can be traced to the file', () => {
    expect(toObservation(observation(), IMPORT)?.provenance).toEqual({
      importId: IMPORT.id,
      adapterId: 'ningxia',
      adapterVersion: '1.0.0',
      file: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
      sheet: '附件2',
      row: 2,
      column: 'E',
      printed: '5835',
    });
  });

  it('prefers what the pipeline stored in the cell reference over the import row', () => {
    expect(
      toProvenance(
        {
          importId: 'stored',
          adapterId: 'ningxia',
          adapterVersion: '0.9.0',
          file: 'a.csv',
          row: 0,
        },
        IMPORT,
        IMPORT.id,
      ),
    ).toEqual({ importId: 'stored', adapterId: 'ningxia', adapterVersion: '0.9.0', file: 'a.csv' });
  });

  it('reads region subjects, roles and dimensions', () => {
    expect(
      toObservation(
        observation({
          subject_kind: 'region',
          subject_id: '640106',
          role: 'total',
          dimensions: { licenceType: '排污许可证' },
        }),
        IMPORT,
      ),
    ).toEqual(
      expect.objectContaining({
        subject: { kind: 'region', code: '640106' },
        role: 'total',
        dimensions: { licenceType: '排污许可证' },
      }),
    );
  });

  it('leaves out a measure this build does not know instead of guessing', () => {
    expect(toObservation(observation({ measure: 'cases.by_carrier_pigeon' }), IMPORT)).toBe(
      undefined,
    );
  });

  it('refuses an unknown status, naming the figure', () => {
    expect(() => toObservation(observation({ status: 'zero' }), IMPORT)).toThrow(
      /observation unit:640106:spj cases.offline 2022-01..2022-08 has unknown status "zero"/,
    );
  });

  it('reads a printed rate with its digits and rounding', () => {
    const row: ReportedValueRow = {
      import_id: IMPORT.id,
      subject_kind: 'unit',
      subject_id: '510403:mzj',
      period: '2022-09',
      indicator: 'active_evaluation_rate',
      status: 'number',
      value: '95.05',
      digits: 2,
      rounding: 'truncate',
      role: 'row',
      provenance: { sheet: '附件1', row: 9, column: 'P', printed: '95.05%' },
    };
    expect(toReported(row, IMPORT)).toEqual(
      expect.objectContaining({
        value: { status: 'number', value: 95.05 },
        digits: 2,
        rounding: 'truncate',
      }),
    );
  });

  it('groups rows into one dataset per import, in import order, and reports unknown measures', () => {
    const later = { ...IMPORT, id: 'later', created_at: new Date('2022-10-01T00:00:00Z') };
    const { datasets, unknownMeasures } = toDatasets({
      imports: [IMPORT, later],
      observations: [
        observation({ import_id: 'later' }),
        observation(),
        observation({ measure: 'unknown.measure' }),
      ],
      reported: [],
      groups: [{ import_id: 'later', id: 'g1', label_zh: '公共服务单位', unit_ids: ['a', 'b'] }],
    });
    expect(datasets.map((d) => d.importId)).toEqual([IMPORT.id, 'later']);
    expect(datasets[0].observations).toHaveLength(1);
    expect(datasets[1].groups).toEqual([
      { id: 'g1', labelZh: '公共服务单位', unitIds: ['a', 'b'] },
    ]);
    expect(unknownMeasures).toEqual(['unknown.measure']);
  });
});

describe('row mapping round trip through the engine', () => {
  // The seed dataset written out as the rows the import pipeline stores, read back, and
  // assessed: the printed Jinfeng figures must come out unchanged.
  function asRows(): ObservationRow[] {
    return JINFENG_2022_01_08.observations.map((o) => ({
      import_id: IMPORT.id,
      subject_kind: o.subject.kind,
      subject_id: o.subject.kind === 'region' ? o.subject.code : o.subject.id,
      period: o.period,
      measure: o.measure,
      status: o.value.status,
      value: o.value.status === 'number' ? String(o.value.value) : null,
      role: o.role ?? (o.subject.kind === 'unit' ? 'row' : 'total'),
      dimensions: o.dimensions ? { ...o.dimensions } : null,
      provenance: o.provenance ? { ...o.provenance } : null,
    }));
  }

  it('reproduces 98.95 for Jinfeng, 98.87 for 审批局, and leaves "/" unranked', () => {
    const { datasets } = toDatasets({
      imports: [IMPORT],
      observations: asRows(),
      reported: [],
      groups: [],
    });
    const context = createAssessmentContext({
      registry: DEMO_REGISTRY,
      targets: DEMO_TARGETS,
      datasets,
    });
    const assessment = assess(context, {
      regionCode: '640106',
      period: '2022-01..2022-08',
      indicators: ['offline_evaluation_rate'],
    });
    const [rate] = assessment.indicators;
    expect(rate.region.value.display).toBe('98.95');
    const spj = rate.children.find(
      (c) => c.subject.kind === 'unit' && c.subject.id === '640106:spj',
    );
    expect(spj?.value.display).toBe('98.87');
    expect(spj?.rank).toBe(8);
    const tax = rate.children.find(
      (c) => c.subject.kind === 'unit' && c.subject.id === '640106:swj',
    );
    expect(tax?.value.status).toBe('not_connected');
    expect(tax?.rank).toBeUndefined();
  });
});
