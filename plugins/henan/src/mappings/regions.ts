import { ProvinceRegions } from '@efficacy/plugin-sdk';
import type { ProvinceRegion } from '@efficacy/plugin-sdk';

/**
 * Henan's regions come from the official division tables: every prefecture, county and
 * township (南阳市 411300 and 唐河县 411328 as well as 安阳市殷都区). A title such as
 * "殷都区不见面审批、即办件情况统计表" names the region the table is about; a row labelled with
 * that region's name is its total, and a row labelled with an enclosing region (安阳市 in a
 * 殷都区 table) is a benchmark printed for comparison, never a unit of the region.
 */
export type HenanRegion = ProvinceRegion;

export const HENAN_PROVINCE_CODE = '410000';

export const HENAN_REGIONS = new ProvinceRegions(HENAN_PROVINCE_CODE);
