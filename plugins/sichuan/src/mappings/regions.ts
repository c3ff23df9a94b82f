/**
 * Sichuan divisions (GB/T 2260) as report titles name them, so a batch can name its region
 * without the uploader typing a code. Only the divisions of the reports read so far
 * (攀枝花市 and its counties); add a city's divisions when its reports arrive.
 */
export interface RegionName {
  readonly code: string;
  readonly names: readonly string[];
}

export const SICHUAN_REGIONS: readonly RegionName[] = [
  { code: '510000', names: ['四川省'] },
  { code: '510400', names: ['攀枝花市'] },
  { code: '510402', names: ['攀枝花市东区', '东区'] },
  { code: '510403', names: ['攀枝花市西区', '西区'] },
  { code: '510411', names: ['仁和区'] },
  { code: '510421', names: ['米易县'] },
  { code: '510422', names: ['盐边县'] },
];
