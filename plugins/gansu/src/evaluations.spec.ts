import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { NormalisedBatch, ParseContext, ValueState } from '@efficacy/plugin-sdk';
import { buildXlsx } from '@efficacy/plugin-sdk/testing';

import { gansuAdapter } from './gansu.adapter';

const ok = join(__dirname, '..', 'test-fixtures', 'ok');

function parseOk(name: string, context: ParseContext): Promise<NormalisedBatch> {
  return gansuAdapter.parse({ name, bytes: new Uint8Array(readFileSync(join(ok, name))) }, context);
}

function number(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function unitValue(batch: NormalisedBatch, unit: string, code: string): ValueState | undefined {
  return (
    batch.measures.find((m) => m.unitName === unit && m.measure === code)?.value ??
    batch.indicators.find((i) => i.unitName === unit && i.indicator === code)?.value
  );
}

function regionValue(batch: NormalisedBatch, label: string, code: string): ValueState | undefined {
  return batch.totals.find((t) => t.label === label)?.values.find((v) => v.code === code)?.value;
}

const HEADER = [
  '序号',
  '服务大厅',
  '办件量(件)',
  '投票数(件)',
  '投票率',
  '满意(张)',
  '满意占比',
  '基本满意(张)',
  '基本满意占比',
  '不满意(张)',
  '不满意占比',
];

describe('Yongchang 2023 Q2 offline 好差评 (three-level scale, per hall)', () => {
  it.each([
    'yongchang-2023-q2-offline-reviews.xlsx',
    'yongchang-2023-q2-offline-reviews.gb18030.csv',
  ])(
    '%s: the county hall 3811 votes of 3816 cases (99.87%%), 3808 / 3 / 5 printed 99.79%% / 0.08%% / 0.13%%',
    async (name) => {
      const batch = await parseOk(name, { regionCode: '620321' });
      expect(batch.reportKind).toBe('offline-review-halls');
      expect(batch.period).toBe('2023-Q2');
      expect(batch.regionCode).toBe('620321');
      const hall = '县政务服务大厅';
      expect(number(unitValue(batch, hall, 'cases'))).toBe(3816);
      expect(number(unitValue(batch, hall, 'evaluations'))).toBe(3811);
      expect(unitValue(batch, hall, 'vote_rate')).toMatchObject({ value: 99.87, decimals: 2 });
      expect(number(unitValue(batch, hall, 'evaluations.satisfied'))).toBe(3808);
      expect(number(unitValue(batch, hall, 'evaluations.basically_satisfied'))).toBe(3);
      expect(number(unitValue(batch, hall, 'evaluations.dissatisfied'))).toBe(5);
      expect(number(unitValue(batch, hall, 'evaluation_level_share.satisfied'))).toBe(99.79);
      expect(number(unitValue(batch, hall, 'evaluation_level_share.basically_satisfied'))).toBe(
        0.08,
      );
      expect(number(unitValue(batch, hall, 'evaluation_level_share.dissatisfied'))).toBe(0.13);
      // 基本满意/不满意 均为零: zero counts, and no share printed (missing, not 0).
      expect(number(unitValue(batch, '车驾管分中心', 'evaluations.dissatisfied'))).toBe(0);
      expect(unitValue(batch, '车驾管分中心', 'evaluation_level_share.dissatisfied')).toEqual({
        status: 'missing',
        raw: '',
      });
      expect(new Set(batch.measures.map((m) => m.unitName)).size).toBe(6);
    },
  );

  it('reproduces every printed rate and flags only the levels that add up to cases, not votes', async () => {
    const batch = await parseOk('yongchang-2023-q2-offline-reviews.xlsx', { regionCode: '620321' });
    expect(batch.warnings.map((w) => [w.code, w.provenance?.row, w.provenance?.column])).toEqual([
      ['LEVELS_NOT_VOTES', 3, 'D'],
    ]);
    expect(batch.warnings[0]?.message).toContain(
      '3808 + 3 + 5 = 3816, but 投票数 is printed 3811; they equal 办件量 3816',
    );
  });

  it('flags a printed share the counts do not give, with the catalogue rounding', async () => {
    const bytes = await buildXlsx([
      {
        name: '线下好差评',
        rows: [
          ['永昌县2023年第二季度政务服务线下“好差评”情况'],
          HEADER,
          [1, '县政务服务大厅', 3816, 3811, '99.87%', 3808, '99.79%', 3, '0.07%', 5, '0.13%'],
        ],
      },
    ]);
    const batch = await gansuAdapter.parse(
      { name: 'yongchang.xlsx', bytes },
      { regionCode: '620321' },
    );
    const mismatch = batch.warnings.filter((w) => w.code === 'RATE_MISMATCH');
    expect(mismatch.map((w) => [w.provenance?.row, w.provenance?.column])).toEqual([[3, 'I']]);
    expect(mismatch[0]?.message).toContain(
      '县政务服务大厅 基本满意占比 is printed 0.07%, but 3 / (3808 + 3 + 5) gives 0.078616…, rounded half-up to 0.08; truncating gives the printed figure',
    );
  });
});

describe('Weiyuan 2020 好差评 by channel', () => {
  it('reads six channels as county figures, 合计 24793 with 好评率 99.95%, every share reproduced', async () => {
    const batch = await parseOk('weiyuan-2020-review-channels.xlsx', { regionCode: '621123' });
    expect(batch.reportKind).toBe('review-channels');
    expect(batch.period).toBe('2020');
    expect(batch.measures).toEqual([]);
    expect(number(regionValue(batch, 'PC端', 'evaluations.channel.pc'))).toBe(4581);
    expect(regionValue(batch, 'PC端', 'evaluation_channel_share.pc')).toMatchObject({
      value: 18.48,
      raw: '18.48%',
    });
    expect(number(regionValue(batch, '二维码', 'evaluations.channel.qr_code'))).toBe(3);
    expect(number(regionValue(batch, '合计', 'evaluations'))).toBe(24793);
    expect(number(regionValue(batch, '合计', 'satisfaction'))).toBe(99.95);
    expect(batch.totals.every((t) => t.covers.length === 0)).toBe(true);
    expect(batch.warnings).toEqual([]);
  });

  it('flags a share that is truncated, and channels that do not add up to 合计', async () => {
    const bytes = await buildXlsx([
      {
        name: '评价渠道',
        rows: [
          ['渭源县2020年县直单位政务服务“好差评”评价渠道情况'],
          ['序号', '评价渠道', '评价数(条)', '占比', '好评率'],
          [1, '移动服务端', 6358, '25.64%', null],
          [2, 'PC端', 4581, '18.47%', null],
          ['合计', null, 24793, null, '99.95%'],
        ],
      },
    ]);
    const batch = await gansuAdapter.parse(
      { name: 'weiyuan.xlsx', bytes },
      { regionCode: '621123' },
    );
    expect(batch.warnings.map((w) => w.code)).toEqual(['RATE_MISMATCH', 'CHANNEL_SUM_MISMATCH']);
    expect(batch.warnings[0]?.message).toContain(
      'PC端 PC端评价占比 is printed 18.47%, but 4581 / 24793 gives',
    );
    expect(batch.warnings[1]?.message).toContain('the channels add up to 10939');
  });
});
