/**
 * The province-level divisions of GB/T 2260, with the pinyin a plugin folder is named by.
 * The generator checks `--name` against `--code` here because the two are easy to mix up
 * (shanxi 山西 140000 and shaanxi 陕西 610000 differ by one letter), and a plugin filed
 * under the wrong code would import every figure into the wrong province.
 */
export interface ProvinceEntry {
  readonly code: string;
  readonly pinyin: string;
  readonly zh: string;
  readonly en: string;
}

export const GBT2260_PROVINCES: readonly ProvinceEntry[] = [
  { code: '110000', pinyin: 'beijing', zh: '北京市', en: 'Beijing' },
  { code: '120000', pinyin: 'tianjin', zh: '天津市', en: 'Tianjin' },
  { code: '130000', pinyin: 'hebei', zh: '河北省', en: 'Hebei' },
  { code: '140000', pinyin: 'shanxi', zh: '山西省', en: 'Shanxi' },
  { code: '150000', pinyin: 'neimenggu', zh: '内蒙古自治区', en: 'Inner Mongolia' },
  { code: '210000', pinyin: 'liaoning', zh: '辽宁省', en: 'Liaoning' },
  { code: '220000', pinyin: 'jilin', zh: '吉林省', en: 'Jilin' },
  { code: '230000', pinyin: 'heilongjiang', zh: '黑龙江省', en: 'Heilongjiang' },
  { code: '310000', pinyin: 'shanghai', zh: '上海市', en: 'Shanghai' },
  { code: '320000', pinyin: 'jiangsu', zh: '江苏省', en: 'Jiangsu' },
  { code: '330000', pinyin: 'zhejiang', zh: '浙江省', en: 'Zhejiang' },
  { code: '340000', pinyin: 'anhui', zh: '安徽省', en: 'Anhui' },
  { code: '350000', pinyin: 'fujian', zh: '福建省', en: 'Fujian' },
  { code: '360000', pinyin: 'jiangxi', zh: '江西省', en: 'Jiangxi' },
  { code: '370000', pinyin: 'shandong', zh: '山东省', en: 'Shandong' },
  { code: '410000', pinyin: 'henan', zh: '河南省', en: 'Henan' },
  { code: '420000', pinyin: 'hubei', zh: '湖北省', en: 'Hubei' },
  { code: '430000', pinyin: 'hunan', zh: '湖南省', en: 'Hunan' },
  { code: '440000', pinyin: 'guangdong', zh: '广东省', en: 'Guangdong' },
  { code: '450000', pinyin: 'guangxi', zh: '广西壮族自治区', en: 'Guangxi' },
  { code: '460000', pinyin: 'hainan', zh: '海南省', en: 'Hainan' },
  { code: '500000', pinyin: 'chongqing', zh: '重庆市', en: 'Chongqing' },
  { code: '510000', pinyin: 'sichuan', zh: '四川省', en: 'Sichuan' },
  { code: '520000', pinyin: 'guizhou', zh: '贵州省', en: 'Guizhou' },
  { code: '530000', pinyin: 'yunnan', zh: '云南省', en: 'Yunnan' },
  { code: '540000', pinyin: 'xizang', zh: '西藏自治区', en: 'Xizang' },
  { code: '610000', pinyin: 'shaanxi', zh: '陕西省', en: 'Shaanxi' },
  { code: '620000', pinyin: 'gansu', zh: '甘肃省', en: 'Gansu' },
  { code: '630000', pinyin: 'qinghai', zh: '青海省', en: 'Qinghai' },
  { code: '640000', pinyin: 'ningxia', zh: '宁夏回族自治区', en: 'Ningxia' },
  { code: '650000', pinyin: 'xinjiang', zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  { code: '710000', pinyin: 'taiwan', zh: '台湾省', en: 'Taiwan' },
  { code: '810000', pinyin: 'xianggang', zh: '香港特别行政区', en: 'Hong Kong' },
  { code: '820000', pinyin: 'aomen', zh: '澳门特别行政区', en: 'Macao' },
];

export function provinceByCode(code: string): ProvinceEntry | undefined {
  return GBT2260_PROVINCES.find((province) => province.code === code);
}

export function provinceByPinyin(pinyin: string): ProvinceEntry | undefined {
  return GBT2260_PROVINCES.find((province) => province.pinyin === pinyin);
}
