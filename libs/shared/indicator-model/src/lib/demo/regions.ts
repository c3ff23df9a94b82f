import { generatedRegionCode, type Region } from '../regions/region';

/** The seeds' regions with their GB/T 2260 codes. */
export const SEED_GB_REGIONS: readonly Region[] = [
  { code: '640000', level: 'province', nameZh: '宁夏回族自治区', nameEn: 'Ningxia' },
  { code: '640100', level: 'city', nameZh: '银川市', nameEn: 'Yinchuan', parentCode: '640000' },
  { code: '640106', level: 'county', nameZh: '金凤区', nameEn: 'Jinfeng', parentCode: '640100' },
  { code: '640181', level: 'county', nameZh: '灵武市', nameEn: 'Lingwu', parentCode: '640100' },
  { code: '410000', level: 'province', nameZh: '河南省', nameEn: 'Henan' },
  { code: '410500', level: 'city', nameZh: '安阳市', nameEn: 'Anyang', parentCode: '410000' },
  { code: '410505', level: 'county', nameZh: '殷都区', nameEn: 'Yindu', parentCode: '410500' },
  { code: '510000', level: 'province', nameZh: '四川省', nameEn: 'Sichuan' },
  { code: '510400', level: 'city', nameZh: '攀枝花市', nameEn: 'Panzhihua', parentCode: '510000' },
  { code: '510403', level: 'county', nameZh: '西区', nameEn: 'Xiqu', parentCode: '510400' },
  { code: '620000', level: 'province', nameZh: '甘肃省', nameEn: 'Gansu' },
  // A prefecture-level city without counties: its departments report to the city directly.
  { code: '620200', level: 'city', nameZh: '嘉峪关市', nameEn: 'Jiayuguan', parentCode: '620000' },
];

/**
 * A township the 2023 edition of 统计用区划代码 lists: its 12-digit code, the name the edition
 * prints (the loader keeps the edition's row and adds the English name).
 */
function township(parentCode: string, code: string, nameZh: string, nameEn: string): Region {
  return { code, level: 'township', nameZh, nameEn, parentCode };
}

/** A village or community the official tables do not list: a code generated under its township. */
function village(townshipCode: string, slug: string, nameZh: string, nameEn: string): Region {
  return {
    code: generatedRegionCode(townshipCode, slug),
    level: 'village',
    nameZh,
    nameEn,
    parentCode: townshipCode,
    generatedCode: true,
  };
}

/** Jinfeng's two towns and six streets, each with a 民生服务中心 in annex 2. */
export const JINFENG_TOWNSHIPS: readonly Region[] = [
  township('640106', '640106100000', '良田镇', 'Liangtian'),
  township('640106', '640106101000', '丰登镇', 'Fengdeng'),
  township('640106', '640106005000', '上海西路街道', 'Shanghai West Road'),
  township('640106', '640106003000', '长城中路街道', 'Changcheng Middle Road'),
  township('640106', '640106002000', '黄河东路街道', 'Huanghe East Road'),
  township('640106', '640106001000', '满城北街街道', 'Mancheng North Street'),
  township('640106', '640106004000', '北京中路街道', 'Beijing Middle Road'),
  township('640106', '640106006000', '贺兰山中路街道', 'Helanshan Middle Road'),
];

/** The Lingwu townships its H1 2022 analysis names for overdue unfinished cases. */
export const LINGWU_TOWNSHIPS: readonly Region[] = [
  township('640181', '640181101000', '郝家桥镇', 'Haojiaqiao'),
  township('640181', '640181102000', '崇兴镇', 'Chongxing'),
  township('640181', '640181200000', '梧桐树乡', 'Wutongshu'),
  township('640181', '640181201000', '白土岗乡', 'Baitugang'),
  township('640181', '640181100000', '东塔镇', 'Dongta'),
  township('640181', '640181104000', '马家滩镇', 'Majiatan'),
  township('640181', '640181105000', '临河镇', 'Linhe'),
  township('640181', '640181001000', '城区街道', 'Chengqu Street'),
];

const GELIPING = '510403100000';
const YUQUAN = '510403002000';
const HEMENKOU = '510403003000';
const TAOJIADU = '510403004000';
const DABAODING = '510403006000';
const QINGXIANGPING = '510403001000';

/** Xiqu's town and five streets, and the villages/communities of annex 3. */
export const XIQU_TOWNSHIPS: readonly Region[] = [
  township('510403', GELIPING, '格里坪镇', 'Geliping'),
  township('510403', YUQUAN, '玉泉街道', 'Yuquan Street'),
  township('510403', HEMENKOU, '河门口街道', 'Hemenkou Street'),
  township('510403', TAOJIADU, '陶家渡街道', 'Taojiadu Street'),
  township('510403', DABAODING, '大宝鼎街道', 'Dabaoding Street'),
  township('510403', QINGXIANGPING, '清香坪街道', 'Qingxiangping Street'),
];

export const XIQU_VILLAGES: readonly Region[] = [
  village(GELIPING, 'jinlin', '金林社区', 'Jinlin Community'),
  village(GELIPING, 'gelipingcun', '格里坪村', 'Geliping Village'),
  village(GELIPING, 'zhuangshang', '庄上村', 'Zhuangshang Village'),
  village(GELIPING, 'xinzhuang', '新庄村', 'Xinzhuang Village'),
  village(GELIPING, 'dashuijingcun', '大水井村', 'Dashuijing Village'),
  village(GELIPING, 'jinjia', '金家村', 'Jinjia Village'),
  village(GELIPING, 'jingyi', '景怡社区', 'Jingyi Community'),
  village(GELIPING, 'jinqiao', '金桥村', 'Jinqiao Village'),
  village(YUQUAN, 'xicaoping', '席草坪社区', 'Xicaoping Community'),
  village(YUQUAN, 'baguanhe', '巴关河社区', 'Baguanhe Community'),
  village(YUQUAN, 'heshiba', '河石坝社区', 'Heshiba Community'),
  village(YUQUAN, 'donglizhan', '动力站社区', 'Donglizhan Community'),
  village(HEMENKOU, 'sutie', '苏铁社区', 'Sutie Community'),
  village(HEMENKOU, 'hemenkoushequ', '河门口社区', 'Hemenkou Community'),
  village(TAOJIADU, 'kuangjian', '矿建社区', 'Kuangjian Community'),
  village(TAOJIADU, 'baoding', '宝鼎社区', 'Baoding Community'),
  village(TAOJIADU, 'huashan', '花山社区', 'Huashan Community'),
  village(TAOJIADU, 'taiping', '太平社区', 'Taiping Community'),
  village(DABAODING, 'xiaobaoding', '小宝鼎社区', 'Xiaobaoding Community'),
  village(DABAODING, 'yanjiang', '沿江社区', 'Yanjiang Community'),
  village(QINGXIANGPING, 'yangjiaping', '杨家坪社区', 'Yangjiaping Community'),
  village(QINGXIANGPING, 'dashuijingshequ', '大水井社区', 'Dashuijing Community'),
  village(QINGXIANGPING, 'jinsha', '金沙社区', 'Jinsha Community'),
  village(QINGXIANGPING, 'lunan', '路南社区', 'Lunan Community'),
  village(QINGXIANGPING, 'lubei', '路北社区', 'Lubei Community'),
  village(QINGXIANGPING, 'zhixue', '智学社区', 'Zhixue Community'),
];

/**
 * Jiayuguan is a city without counties: its towns sit directly below the city. Their codes
 * carry the statistics code's county row of the city's name (620201), which the registry leaves out.
 */
export const JIAYUGUAN_TOWNSHIPS: readonly Region[] = [
  township('620200', '620201100000', '新城镇', 'Xincheng'),
  township('620200', '620201101000', '峪泉镇', 'Yuquan'),
  township('620200', '620201102000', '文殊镇', 'Wenshu'),
];

export const DEMO_REGIONS: readonly Region[] = [
  ...SEED_GB_REGIONS,
  ...JINFENG_TOWNSHIPS,
  ...LINGWU_TOWNSHIPS,
  ...XIQU_TOWNSHIPS,
  ...XIQU_VILLAGES,
  ...JIAYUGUAN_TOWNSHIPS,
];
