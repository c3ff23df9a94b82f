import type { CaseChannel, CaseRecord, EvaluationLevel } from '@efficacy/indicator-model';
import { addWorkingDays } from '@efficacy/working-calendar';

/**
 * Rates the synthetic cases are drawn with, each from a seed bulletin (figures copied here; the
 * project never reads the seeds at run time).
 */
export const CALIBRATION = {
  /** 灵武市 2022 H1: 34.9万 cases in six months → per county and month. */
  casesPerCountyMonth: Math.round(349_000 / 6),
  /**
   * 灵武市 channel shares: township 12%, 一网通办 5%, 全程网办 11.7%, 掌上办 3.3%; the window
   * takes the rest (88% of cases are at windows, which includes some cases also counted online).
   */
  channels: [
    ['window', 0.68],
    ['township', 0.12],
    ['online_platform', 0.05],
    ['fully_online', 0.117],
    ['mobile', 0.033],
  ] as ReadonlyArray<readonly [CaseChannel, number]>,
  /** 金凤区: 32182 approval cases of 47903. */
  approvalShare: 32_182 / 47_903,
  /** 金凤区: 2779 finished late and 29 unfinished late of 47903. */
  finishedLateRate: 2_779 / 47_903,
  unfinishedLateRate: 29 / 47_903,
  /** 金凤区: 12009 of 12136 offline cases evaluated. */
  offlineEvaluationRate: 12_009 / 12_136,
  /** 灵武市: 2982 online evaluations for about 6.97万 online cases. */
  onlineEvaluationRate: 2_982 / 69_700,
  /** 灵武市: satisfaction 99.9%. */
  satisfaction: 0.999,
  /** 金凤区: 151 cases failed pre-review of 47903. */
  preReviewRejectedRate: 151 / 47_903,
  /** 金凤区: 1681 items in the catalogue, 472 with cases in eight months. */
  catalogueItems: 1_681,
  activeItems: 472,
  /** Assumption (no seed figure): one case in 2000 is a labelled test case (测试件). */
  testRate: 0.0005,
  /** Share of immediate items (即办件, 0 days); Gansu's target is ≥ 45%. */
  immediateShare: 0.45,
  promisedDays: [1, 3, 5, 7, 10, 15, 20] as readonly number[],
} as const;

/** Yinchuan's counties, then numbered synthetic ones for larger runs. */
export const YINCHUAN_COUNTIES: ReadonlyArray<readonly [string, string]> = [
  ['640106', '金凤区'],
  ['640181', '灵武市'],
  ['640104', '兴庆区'],
  ['640105', '西夏区'],
  ['640121', '永宁县'],
  ['640122', '贺兰县'],
];

const DEPARTMENTS = [
  '审批服务管理局',
  '不动产登记中心',
  '人力资源和社会保障局',
  '民政局',
  '医疗保障局',
  '公安分局',
  '市场监督管理局',
  '税务局',
  '卫生健康局',
  '住房和城乡建设局',
];

export function syntheticCounties(n: number): Array<{ code: string; name: string }> {
  const out: Array<{ code: string; name: string }> = [];
  for (let i = 0; i < n; i += 1) {
    const known = YINCHUAN_COUNTIES[i];
    out.push(
      known
        ? { code: known[0], name: known[1] }
        : { code: String(640190 + i - YINCHUAN_COUNTIES.length), name: `合成县${i + 1}` },
    );
  }
  if (out.some((c) => !/^64\d{4}$/.test(c.code)))
    throw new RangeError(`at most ${YINCHUAN_COUNTIES.length + 10} counties are supported`);
  return out;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface GenerateOptions {
  counties: number;
  months: number;
  seed: number;
  /** First month, YYYY-MM. */
  start?: string;
  /** Cases per county and month; the Lingwu figure by default. */
  casesPerCountyMonth?: number;
  /** Only these counties (codes), e.g. to write one county-month again. */
  onlyCounties?: readonly string[];
  /** Only these months (YYYY-MM). */
  onlyMonths?: readonly string[];
}

function monthList(start: string, n: number): string[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

function daysIn(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const addCache = new Map<string, string>();
function plusWorkingDays(date: string, n: number, region: string): string {
  if (n <= 0) return date;
  const key = `${date}|${n}|${region}`;
  let out = addCache.get(key);
  if (out === undefined) {
    out = addWorkingDays(date, n, { region });
    addCache.set(key, out);
  }
  return out;
}

/**
 * Synthetic cases for N counties and M months, deterministic for a seed. Each county-month is
 * drawn from its own seed (seed, county, month), so one county-month can be written again alone
 * and comes out identical: the incremental benchmark relies on it.
 */
export function* generateCases(options: GenerateOptions): Generator<CaseRecord> {
  const perMonth = options.casesPerCountyMonth ?? CALIBRATION.casesPerCountyMonth;
  const months = monthList(options.start ?? '2022-01', options.months);
  const counties = syntheticCounties(options.counties);
  const channelCdf: Array<[CaseChannel, number]> = [];
  let acc = 0;
  for (const [channel, share] of CALIBRATION.channels) channelCdf.push([channel, (acc += share)]);
  const lateRate = CALIBRATION.finishedLateRate;
  const unfinishedRate = CALIBRATION.unfinishedLateRate;

  for (const [ci, county] of counties.entries()) {
    if (options.onlyCounties && !options.onlyCounties.includes(county.code)) continue;
    const units = DEPARTMENTS.map((d) => `${county.name}${d}`);
    for (const [mi, month] of months.entries()) {
      if (options.onlyMonths && !options.onlyMonths.includes(month)) continue;
      const random = rng((options.seed * 1_000_003 + ci * 7_919 + mi * 104_729) >>> 0);
      const days = daysIn(month);
      for (let i = 0; i < perMonth; i += 1) {
        const r = random();
        // Zipf-like popularity: a few items carry most cases, as on the real platforms.
        const item = Math.floor(CALIBRATION.activeItems * Math.pow(random(), 2.2));
        const unit = units[item % units.length];
        let channel: CaseChannel = 'window';
        const c = random();
        for (const [name, upTo] of channelCdf) {
          if (c < upTo) {
            channel = name;
            break;
          }
        }
        const received = `${month}-${String(1 + Math.floor(random() * days)).padStart(2, '0')}`;
        const promisedDays =
          item % 100 < CALIBRATION.immediateShare * 100
            ? 0
            : CALIBRATION.promisedDays[item % CALIBRATION.promisedDays.length];
        const due = plusWorkingDays(received, promisedDays, county.code);
        let finished: string | null;
        let status = '已办结';
        if (r < unfinishedRate) {
          finished = null;
          status = '在办';
        } else if (r < unfinishedRate + lateRate) {
          finished = plusWorkingDays(due, 1 + Math.floor(random() * 5), county.code);
        } else {
          finished =
            promisedDays === 0
              ? received
              : plusWorkingDays(
                  received,
                  Math.max(1, Math.floor(random() * promisedDays)),
                  county.code,
                );
          if (finished > due) finished = due;
        }
        const online =
          channel === 'online_platform' || channel === 'fully_online' || channel === 'mobile';
        const evaluated =
          random() <
          (online ? CALIBRATION.onlineEvaluationRate : CALIBRATION.offlineEvaluationRate);
        let evaluation: EvaluationLevel | null = null;
        if (evaluated) {
          const s = random();
          evaluation = s < CALIBRATION.satisfaction ? (s < 0.9 ? 5 : 4) : random() < 0.5 ? 2 : 1;
        }
        yield {
          caseId: `${county.code}${month.replace('-', '')}${String(i).padStart(7, '0')}`,
          itemCode: `${county.code}-SX-${String(item).padStart(5, '0')}`,
          itemType: random() < CALIBRATION.approvalShare ? 'approval' : 'convenience',
          unit,
          regionCode: county.code,
          channel,
          received,
          promisedDays,
          finished,
          status,
          evaluation,
          preReview: online
            ? random() < CALIBRATION.preReviewRejectedRate * 5
              ? 'rejected'
              : 'passed'
            : null,
          isTest: random() < CALIBRATION.testRate,
        };
      }
    }
  }
}
