import { ProvinceRegions } from '@efficacy/plugin-sdk';

export const NINGXIA_PROVINCE_CODE = '640000';

/**
 * Ningxia's regions come from the official division tables (every county and township); the
 * plugin adds only what its files print beyond them: 宁夏 in titles, and the pinyin slugs of
 * files saved under names such as `jinfeng-2022-01to08-annex2.xlsx`.
 */
export const NINGXIA_REGIONS = new ProvinceRegions(NINGXIA_PROVINCE_CODE, {
  aliases: { '640000': ['宁夏'] },
});

export const NINGXIA_SLUGS: Readonly<Record<string, readonly string[]>> = {
  '640000': ['ningxia'],
  '640100': ['yinchuan'],
  '640104': ['xingqing'],
  '640105': ['xixia'],
  '640106': ['jinfeng'],
  '640121': ['yongning'],
  '640122': ['helan'],
  '640181': ['lingwu'],
  '640200': ['shizuishan'],
  '640202': ['dawukou'],
  '640205': ['huinong'],
  '640221': ['pingluo'],
  '640300': ['wuzhong'],
  '640302': ['litong'],
  '640303': ['hongsibu'],
  '640323': ['yanchi'],
  '640324': ['tongxin'],
  '640381': ['qingtongxia'],
  '640400': ['guyuan'],
  '640402': ['yuanzhou'],
  '640422': ['xiji'],
  '640423': ['longde'],
  '640424': ['jingyuan'],
  '640425': ['pengyang'],
  '640500': ['zhongwei'],
  '640502': ['shapotou'],
  '640521': ['zhongning'],
  '640522': ['haiyuan'],
};

/**
 * A row labelled with the name of the province, a city or a county (灵武市 in a table of
 * 灵武市's figures) is that region's total, not a unit. Townships are units of their county's
 * tables (宁东镇 in 灵武市's overdue cases), so their names are not total labels.
 */
export const REGION_TOTAL_LABELS: readonly string[] = NINGXIA_REGIONS.list([
  'province',
  'city',
  'county',
]).flatMap((region) => region.names);
