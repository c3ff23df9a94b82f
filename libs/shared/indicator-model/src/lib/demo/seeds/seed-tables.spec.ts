import { reproduceColumn, type Reproduction } from '../../../test-support/seed-context';

const JINFENG = 'seed-jinfeng-2022-01..08';
const YINDU = 'seed-yindu-2023-06';
const XIQU = 'seed-xiqu-2022-09';
const LINGWU = 'seed-lingwu-2022-h1';

function nameOf(r: Reproduction): string {
  return `${r.reported.provenance?.sheet}!${r.reported.provenance?.column}${r.reported.provenance?.row ?? ''}`;
}

/** Rows whose printed figure equals the derived one at the printed precision (or both print the same "/" or "-"). */
function reproduced(rows: Reproduction[]): Reproduction[] {
  return rows.filter((r) => {
    if (r.reported.value.status === 'number') {
      return r.value.derived?.status === 'number' && r.value.discrepancy === undefined;
    }
    return r.value.derived?.status === r.reported.value.status;
  });
}

function notReproduced(rows: Reproduction[]): string[] {
  const ok = new Set(reproduced(rows));
  return rows.filter((r) => !ok.has(r)).map(nameOf);
}

describe('Jinfeng annex 2 (好差评), every row', () => {
  const rows = reproduceColumn(JINFENG, '附件2', 'offline_evaluation_rate');

  it('reproduces 16 of 17 offline evaluation rates, "/" rows included, from the counts', () => {
    expect(rows).toHaveLength(17);
    expect(reproduced(rows)).toHaveLength(16);
    expect(rows.filter((r) => r.reported.value.status === 'not_connected')).toHaveLength(5);
  });

  it('finds the one row the table rounds differently: 丰登镇 366/380 = 96.315…, printed 96.31 (truncated)', () => {
    expect(notReproduced(rows)).toEqual(['附件2!G11']);
    const fengdeng = rows.find((r) => r.reported.provenance?.row === 11);
    expect(fengdeng?.value.discrepancy).toMatchObject({
      kind: 'value',
      derived: 96.32,
      reported: 96.31,
      difference: -0.01,
      hints: [{ kind: 'other-rounding', mode: 'truncate' }],
    });
  });

  it('cannot rebuild the satisfaction column (evaluation counts are not printed) and keeps it as printed', () => {
    const satisfaction = reproduceColumn(JINFENG, '附件2', 'satisfaction');
    expect(satisfaction).toHaveLength(17);
    expect(satisfaction.every((r) => r.value.source === 'reported' && r.value.value === 100)).toBe(
      true,
    );
  });
});

describe('Yindu annexes 1, 2, 4, 5 and 7, every row', () => {
  it('annex 1: reproduces 31 of 32 immediate-item shares; 公安分局 prints 44.44% = 64/144, one item having been dropped from its 143', () => {
    const rows = reproduceColumn(YINDU, '附件1', 'immediate_item_share');
    expect(rows).toHaveLength(32);
    expect(notReproduced(rows)).toEqual(['附件1!F24']);
    const police = rows.find((r) => r.reported.provenance?.row === 24);
    expect(police?.value.derived).toMatchObject({ value: 44.76, numerator: 64, denominator: 143 });
    expect(police?.value.discrepancy?.hints).toContainEqual({
      kind: 'adjusted-count',
      side: 'denominator',
      printed: 143,
      reproducesWith: 144,
    });
  });

  it('annex 1: the contactless share is printed without its count, so every row is kept as printed', () => {
    const rows = reproduceColumn(YINDU, '附件1', 'contactless_item_share');
    expect(rows).toHaveLength(32);
    expect(rows.every((r) => r.value.source === 'reported' && r.value.value === 100)).toBe(true);
  });

  it('annex 2: reproduces all 32 time-limit compression ratios', () => {
    const rows = reproduceColumn(YINDU, '附件2', 'time_limit_compression');
    expect(rows).toHaveLength(32);
    expect(notReproduced(rows)).toEqual([]);
  });

  it('annex 4: reproduces all 17 catalogue mount rates', () => {
    const rows = reproduceColumn(YINDU, '附件4', 'catalogue_mount_rate');
    expect(rows).toHaveLength(17);
    expect(notReproduced(rows)).toEqual([]);
  });

  it('annex 5: reproduces all 27 main-item and 27 sub-item coverages, the Anyang benchmark row included', () => {
    const main = reproduceColumn(YINDU, '附件5', 'supervision_main_item_coverage');
    const sub = reproduceColumn(YINDU, '附件5', 'supervision_sub_item_coverage');
    expect(main).toHaveLength(27);
    expect(sub).toHaveLength(27);
    expect(notReproduced(main)).toEqual([]);
    expect(notReproduced(sub)).toEqual([]);
    expect(sub.find((r) => r.reported.provenance?.row === 4)?.value.derived).toMatchObject({
      value: 45.39,
      numerator: 7886,
      denominator: 17374,
    });
  });

  it('annex 7: reproduces all 10 audit completion rates', () => {
    const rows = reproduceColumn(YINDU, '附件7', 'online_audit_completion_rate');
    expect(rows).toHaveLength(10);
    expect(notReproduced(rows)).toEqual([]);
  });

  it('annex 8: reproduces all 29 staff leave ratios', () => {
    const rows = reproduceColumn(YINDU, '附件8', 'staff_leave_ratio').filter(
      (r) => r.reported.value.status !== 'missing',
    );
    expect(rows).toHaveLength(29);
    expect(notReproduced(rows)).toEqual([]);
  });
});

describe('Xiqu annex 1: claim, publish and overdue rates', () => {
  it('reproduces all 38 claim rates and all 38 publish rates', () => {
    const claim = reproduceColumn(XIQU, '附件1', 'claim_rate');
    const publish = reproduceColumn(XIQU, '附件1', 'publish_rate');
    expect(claim).toHaveLength(38);
    expect(publish).toHaveLength(38);
    expect(notReproduced(claim)).toEqual([]);
    expect(notReproduced(publish)).toEqual([]);
  });

  it('reproduces the overdue rate of the 27 units with cases; the 11 without cases print 0.00% where the counts say "-"', () => {
    const rows = reproduceColumn(XIQU, '附件1', 'overdue_rate');
    expect(rows).toHaveLength(38);
    expect(reproduced(rows)).toHaveLength(27);
    const withoutCases = rows.filter((r) => !reproduced(rows).includes(r));
    expect(withoutCases).toHaveLength(11);
    for (const row of withoutCases) {
      expect(row.value.derived?.status).toBe('not_applicable');
      expect(row.value.status).toBe('not_applicable');
      expect(row.value.discrepancy).toMatchObject({
        kind: 'status',
        derived: 'not_applicable',
        reported: 0,
      });
    }
  });
});

describe('Lingwu channel shares (printed in 万 and whole or one-decimal percent)', () => {
  it('reproduces all five shares from the printed counts', () => {
    const codes = ['window', 'township', 'online_platform', 'fully_online', 'mobile'];
    const rows = codes.flatMap((code) => reproduceColumn(LINGWU, '正文', `channel_share.${code}`));
    expect(rows.map((r) => r.reported.value.status === 'number' && r.reported.value.value)).toEqual(
      [88, 12, 5, 11.7, 3.3],
    );
    expect(notReproduced(rows)).toEqual([]);
  });
});
