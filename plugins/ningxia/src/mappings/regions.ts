/**
 * Ningxia's divisions (GB/T 2260) as their names appear in report titles and file names,
 * so a batch can name its region without the uploader typing a code. Pinyin slugs cover
 * files saved under names such as `jinfeng-2022-01to08-annex2.xlsx`.
 */
export interface RegionName {
  readonly code: string;
  readonly names: readonly string[];
  readonly slugs: readonly string[];
}

export const NINGXIA_REGIONS: readonly RegionName[] = [
  { code: '640000', names: ['宁夏回族自治区', '宁夏'], slugs: ['ningxia'] },
  { code: '640100', names: ['银川市'], slugs: ['yinchuan'] },
  { code: '640104', names: ['兴庆区'], slugs: ['xingqing'] },
  { code: '640105', names: ['西夏区'], slugs: ['xixia'] },
  { code: '640106', names: ['金凤区'], slugs: ['jinfeng'] },
  { code: '640121', names: ['永宁县'], slugs: ['yongning'] },
  { code: '640122', names: ['贺兰县'], slugs: ['helan'] },
  { code: '640181', names: ['灵武市'], slugs: ['lingwu'] },
  { code: '640200', names: ['石嘴山市'], slugs: ['shizuishan'] },
  { code: '640202', names: ['大武口区'], slugs: ['dawukou'] },
  { code: '640205', names: ['惠农区'], slugs: ['huinong'] },
  { code: '640221', names: ['平罗县'], slugs: ['pingluo'] },
  { code: '640300', names: ['吴忠市'], slugs: ['wuzhong'] },
  { code: '640302', names: ['利通区'], slugs: ['litong'] },
  { code: '640303', names: ['红寺堡区'], slugs: ['hongsibu'] },
  { code: '640323', names: ['盐池县'], slugs: ['yanchi'] },
  { code: '640324', names: ['同心县'], slugs: ['tongxin'] },
  { code: '640381', names: ['青铜峡市'], slugs: ['qingtongxia'] },
  { code: '640400', names: ['固原市'], slugs: ['guyuan'] },
  { code: '640402', names: ['原州区'], slugs: ['yuanzhou'] },
  { code: '640422', names: ['西吉县'], slugs: ['xiji'] },
  { code: '640423', names: ['隆德县'], slugs: ['longde'] },
  { code: '640424', names: ['泾源县'], slugs: ['jingyuan'] },
  { code: '640425', names: ['彭阳县'], slugs: ['pengyang'] },
  { code: '640500', names: ['中卫市'], slugs: ['zhongwei'] },
  { code: '640502', names: ['沙坡头区'], slugs: ['shapotou'] },
  { code: '640521', names: ['中宁县'], slugs: ['zhongning'] },
  { code: '640522', names: ['海原县'], slugs: ['haiyuan'] },
];

/**
 * A row labelled with a region's own name (灵武市 in a table of 灵武市's figures) is that
 * region's total, not a unit.
 */
export const REGION_TOTAL_LABELS: readonly string[] = NINGXIA_REGIONS.flatMap(
  (region) => region.names,
);
