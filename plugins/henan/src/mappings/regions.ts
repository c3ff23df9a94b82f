/**
 * Henan's divisions (GB/T 2260) as report titles print them. A title such as
 * "殷都区不见面审批、即办件情况统计表" names the region the table is about; a row labelled with
 * that region's name is its total, and a row labelled with an enclosing region (安阳市 in a
 * 殷都区 table) is a benchmark printed for comparison, never a unit of the region.
 *
 * Only the province, its prefecture-level cities and the counties of 安阳市 are listed: the
 * exports verified so far come from 殷都区. Regional IT adds a county here when its files arrive.
 */
export type RegionLevel = 'province' | 'city' | 'county';

export interface HenanRegion {
  readonly code: string;
  readonly level: RegionLevel;
  /** Code of the enclosing region; absent for the province. */
  readonly parent?: string;
  /** Names as printed in titles and row labels (verbatim Chinese). */
  readonly names: readonly string[];
}

export const HENAN_PROVINCE_CODE = '410000';

export const HENAN_REGIONS: readonly HenanRegion[] = [
  { code: '410000', level: 'province', names: ['河南省'] },
  { code: '410100', level: 'city', parent: '410000', names: ['郑州市'] },
  { code: '410200', level: 'city', parent: '410000', names: ['开封市'] },
  { code: '410300', level: 'city', parent: '410000', names: ['洛阳市'] },
  { code: '410400', level: 'city', parent: '410000', names: ['平顶山市'] },
  { code: '410500', level: 'city', parent: '410000', names: ['安阳市'] },
  { code: '410600', level: 'city', parent: '410000', names: ['鹤壁市'] },
  { code: '410700', level: 'city', parent: '410000', names: ['新乡市'] },
  { code: '410800', level: 'city', parent: '410000', names: ['焦作市'] },
  { code: '410900', level: 'city', parent: '410000', names: ['濮阳市'] },
  { code: '411000', level: 'city', parent: '410000', names: ['许昌市'] },
  { code: '411100', level: 'city', parent: '410000', names: ['漯河市'] },
  { code: '411200', level: 'city', parent: '410000', names: ['三门峡市'] },
  { code: '411300', level: 'city', parent: '410000', names: ['南阳市'] },
  { code: '411400', level: 'city', parent: '410000', names: ['商丘市'] },
  { code: '411500', level: 'city', parent: '410000', names: ['信阳市'] },
  { code: '411600', level: 'city', parent: '410000', names: ['周口市'] },
  { code: '411700', level: 'city', parent: '410000', names: ['驻马店市'] },
  // A county-level city governed directly by the province.
  { code: '419001', level: 'city', parent: '410000', names: ['济源市'] },
  { code: '410502', level: 'county', parent: '410500', names: ['文峰区'] },
  { code: '410503', level: 'county', parent: '410500', names: ['北关区'] },
  { code: '410505', level: 'county', parent: '410500', names: ['殷都区'] },
  { code: '410506', level: 'county', parent: '410500', names: ['龙安区'] },
  { code: '410522', level: 'county', parent: '410500', names: ['安阳县'] },
  { code: '410523', level: 'county', parent: '410500', names: ['汤阴县'] },
  { code: '410526', level: 'county', parent: '410500', names: ['滑县'] },
  { code: '410527', level: 'county', parent: '410500', names: ['内黄县'] },
  { code: '410581', level: 'county', parent: '410500', names: ['林州市'] },
];
