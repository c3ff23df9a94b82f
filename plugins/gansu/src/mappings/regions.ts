import { ProvinceRegions } from '@efficacy/plugin-sdk';

export const GANSU_PROVINCE_CODE = '620000';

/**
 * Gansu's regions come from the official division tables: every prefecture, county and
 * township (兰州市 620100 and its counties, 嘉峪关市 620200 and its streets). The plugin adds
 * only the names its files print beyond them: the autonomous prefectures by their usual
 * 临夏州 and 甘南州.
 */
export const GANSU_REGIONS = new ProvinceRegions(GANSU_PROVINCE_CODE, {
  aliases: { '622900': ['临夏州'], '623000': ['甘南州'] },
});

/**
 * A row labelled with the province's or a prefecture's own name (嘉峪关市 under a list of its
 * departments) is that region's total, not a unit. County names are not listed: a prefecture's
 * table ranks its counties as units.
 */
export const REGION_TOTAL_LABELS: readonly string[] = GANSU_REGIONS.list([
  'province',
  'city',
]).flatMap((region) => region.names);
