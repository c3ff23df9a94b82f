import { ProvinceRegions } from '@efficacy/plugin-sdk';

export const SICHUAN_PROVINCE_CODE = '510000';

/**
 * Sichuan's regions come from the official division tables (every county and township of the
 * province, 利州区 510802 and its streets as well as 攀枝花市西区); the plugin adds only the
 * names its reports print beyond them, such as a county printed with its city.
 */
export const SICHUAN_REGIONS = new ProvinceRegions(SICHUAN_PROVINCE_CODE, {
  aliases: {
    '510402': ['攀枝花市东区'],
    '510403': ['攀枝花市西区'],
  },
});
