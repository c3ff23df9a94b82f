import type { AssessmentRow } from '@efficacy/assessment-engine';
import { rankOrder } from './rankings.service';

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
