/**
 * Gansu's province and prefecture-level divisions (GB/T 2260) as their names appear in report
 * titles, so a batch names its region without the uploader typing a code. Counties are not
 * listed: no Gansu source in hand is about a county, and a wrong guess is worse than asking
 * for `regionCode` with the upload.
 */
export interface RegionName {
  readonly code: string;
  readonly names: readonly string[];
}

export const GANSU_PROVINCE_CODE = '620000';

export const GANSU_REGIONS: readonly RegionName[] = [
  { code: '620000', names: ['甘肃省'] },
  { code: '620100', names: ['兰州市'] },
  { code: '620200', names: ['嘉峪关市'] },
  { code: '620300', names: ['金昌市'] },
  { code: '620400', names: ['白银市'] },
  { code: '620500', names: ['天水市'] },
  { code: '620600', names: ['武威市'] },
  { code: '620700', names: ['张掖市'] },
  { code: '620800', names: ['平凉市'] },
  { code: '620900', names: ['酒泉市'] },
  { code: '621000', names: ['庆阳市'] },
  { code: '621100', names: ['定西市'] },
  { code: '621200', names: ['陇南市'] },
  { code: '622900', names: ['临夏回族自治州', '临夏州'] },
  { code: '623000', names: ['甘南藏族自治州', '甘南州'] },
];

/**
 * A row labelled with a region's own name (嘉峪关市 under a list of its departments) is that
 * region's total, not a unit.
 */
export const REGION_TOTAL_LABELS: readonly string[] = GANSU_REGIONS.flatMap(
  (region) => region.names,
);
