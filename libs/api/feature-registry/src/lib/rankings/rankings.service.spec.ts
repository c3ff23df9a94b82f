import type { AssessmentRow } from '@efficacy/assessment-engine';
import { labelRanks, rankOrder } from './rankings.service';

function row(id: string, rank?: number): AssessmentRow {
  return {
    subject: { kind: 'unit', id },
    nameZh: id,
    nameEn: id,
    kind: 'department',
    value: {
      status: rank === undefined ? 'not_connected' : 'number',
      display: '',
      source: 'derived',
    },
    ...(rank !== undefined ? { rank } : {}),
    change: {},
  };
}

describe('rankOrder', () => {
  it('lists ranked rows by rank (ties kept in order), then the unranked, never as last-but-zero', () => {
    const ordered = rankOrder([row('a', 3), row('slash'), row('b', 1), row('c', 1), row('dash')]);
    expect(ordered.map((r) => r.subject.kind === 'unit' && r.subject.id)).toEqual([
      'b',
      'c',
      'a',
      'slash',
      'dash',
    ]);
  });
});

describe('labelRanks', () => {
  it('says what a rank is among: "1 of 2 reported", with the expected count when some are missing', () => {
    const rows = labelRanks([row('a', 1), row('b', 2), row('slash')], 2, 7, false);
    expect(rows[0]).toMatchObject({
      rankLabelZh: '2 个已报送中第 1（应报 7）',
      rankLabelEn: '1 of 2 reported (7 expected)',
    });
    expect(rows[2]).toMatchObject({ unranked: 'not_connected' });
    expect(rows[2].rankLabelZh).toBeUndefined();
    expect(labelRanks([row('a', 1)], 1, 1, false)[0].rankLabelZh).toBe('1 个已报送中第 1');
  });

  it('tells a partial aggregate from "-" among the unranked', () => {
    const partial: AssessmentRow = {
      ...row('county', 1),
      rank: undefined,
      coverage: {
        memberLevel: 'unit',
        expected: 5,
        reported: 2,
        withFigures: 2,
        notApplicable: [],
        notConnected: [],
        missing: [],
        minShare: 1,
        printedTotal: false,
        partial: true,
      },
    };
    const dash: AssessmentRow = {
      ...row('dash'),
      value: { status: 'not_applicable', display: '-', source: 'derived' },
    };
    const [p, d] = labelRanks([partial, dash], 0, 2, false);
    expect(p.unranked).toBe('partial');
    expect(d.unranked).toBe('not_applicable');
  });
});
