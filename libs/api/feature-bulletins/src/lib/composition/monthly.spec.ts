import { createAssessmentContext } from '@efficacy/assessment-engine';
import {
  DEMO_REGISTRY,
  DEMO_TARGETS,
  numberCell,
  unitSubject,
  type Dataset,
  type MeasureObservation,
} from '@efficacy/indicator-model';
import { composeBulletin } from './compose';
import { DEFAULT_TEMPLATES } from './templates';

/** Monthly offline cases and evaluations of two 金凤区 departments, June to August 2022. */
const MONTHS: Array<[string, string, number, number]> = [
  ['2022-06', '640106:spj', 1000, 980],
  ['2022-06', '640106:cl', 100, 90],
  ['2022-07', '640106:spj', 1000, 990],
  ['2022-07', '640106:cl', 100, 95],
  ['2022-08', '640106:spj', 1000, 995],
  ['2022-08', '640106:cl', 100, 60],
];

const monthly: Dataset = {
  importId: 'monthly-spec',
  reported: [],
  observations: MONTHS.flatMap(([period, unit, cases, evaluated], row): MeasureObservation[] => [
    { subject: unitSubject(unit), period, measure: 'cases.offline', value: numberCell(cases) },
    {
      subject: unitSubject(unit),
      period,
      measure: 'cases.offline.evaluated',
      value: numberCell(evaluated),
      provenance: {
        importId: 'monthly-spec',
        adapterId: 'spec',
        adapterVersion: '1',
        file: `${period}.xlsx`,
        row: row + 2,
      },
    },
  ]),
};

describe('a monthly bulletin', () => {
  const doc = composeBulletin(
    createAssessmentContext({
      registry: DEMO_REGISTRY,
      datasets: [monthly],
      targets: DEMO_TARGETS,
    }),
    {
      regionCode: '640106',
      period: '2022-08',
      templates: {
        ...DEFAULT_TEMPLATES,
        office: {
          issuer: '{region}审批服务管理局',
          signature: '{region}审批服务管理局',
          numberPrefix: '金审管',
          copyTo: '',
          printedBy: '{region}审批服务管理局办公室',
        },
      },
      sequence: 9,
      issueDate: '2022-09-05',
    },
  );
  const body = doc.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');

  it('says how the figure changed since the previous month', () => {
    // August 1055/1100 = 95.91%; July 1085/1100 = 98.64%: down 2.73 points.
    expect(body).toContain('全区线下评价率为95.91%（1055/1100），较2022年7月降低2.73个百分点');
    expect(doc.figures[0]?.change).toEqual({ period: '2022-07', delta: -2.73 });
    // Drafted from the office's prefix, the issue date's year and the office's next number.
    expect(doc.documentNumber).toBe('金审管〔2022〕9号');
    expect(doc.issuer).toBe('金凤区审批服务管理局');
    expect(doc.missingSettings).toBeUndefined();
  });

  it('draws the monthly trend with the target line', () => {
    const trend = doc.charts.find((c) => c.kind === 'trend');
    expect(trend?.title).toBe('金凤区线下参评率月度走势');
    if (trend?.kind !== 'trend') throw new Error('no trend chart');
    expect(trend.target).toBe(98.5);
    expect(trend.points.map((p) => p.value)).toEqual([
      null,
      null,
      null,
      null,
      null,
      97.27,
      98.64,
      95.91,
    ]);
  });

  it('names the department that fell below target', () => {
    expect(body).toContain('线下参评率低于目标的单位有1个：金凤区残疾人联合会（60.00%）。');
  });
});
