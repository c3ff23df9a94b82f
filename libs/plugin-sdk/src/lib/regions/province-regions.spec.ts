import { AdapterError } from '../contract/errors';
import { regionNameKey, shortForms } from './names';
import { ProvinceRegions } from './province-regions';
import type { RegionMatch } from './province-regions';

const HENAN = new ProvinceRegions('410000');
const SICHUAN = new ProvinceRegions('510000');
const NINGXIA = new ProvinceRegions('640000');
const GANSU = new ProvinceRegions('620000');
const where = { file: 'upload.xlsx' };

function codeOf(match: RegionMatch): string | undefined {
  return match.status === 'found' ? match.region.code : undefined;
}

function errorOf(fn: () => unknown): AdapterError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected an AdapterError');
}

describe('ProvinceRegions (official division tables, one province)', () => {
  describe('by code', () => {
    it('knows every county of 南阳市, 唐河县 411328 among them', () => {
      expect(HENAN.byCode('411300')).toMatchObject({ name: '南阳市', level: 'city' });
      expect(HENAN.byCode('411328')).toMatchObject({
        name: '唐河县',
        level: 'county',
        parentCode: '411300',
      });
      const counties = HENAN.childrenOf('411300').map((r) => `${r.code} ${r.name}`);
      expect(counties).toEqual(
        expect.arrayContaining([
          '411302 宛城区',
          '411303 卧龙区',
          '411328 唐河县',
          '411381 邓州市',
        ]),
      );
      expect(counties).toHaveLength(15);
    });

    it('knows 利州区 510802 and its townships by nine- and twelve-digit codes', () => {
      expect(SICHUAN.byCode('510802')).toMatchObject({ name: '利州区', parentCode: '510800' });
      expect(SICHUAN.byCode('510800')?.name).toBe('广元市');
      expect(SICHUAN.byCode('510802100')).toMatchObject({
        code: '510802100000',
        name: '荣山镇',
        level: 'township',
        parentCode: '510802',
      });
      expect(SICHUAN.byCode('510802001000')?.name).toBe('东坝街道');
      expect(SICHUAN.childrenOf('510802').map((r) => r.name)).toEqual([
        '东坝街道',
        '嘉陵街道',
        '河西街道',
        '雪峰街道',
        '南河街道',
        '上西街道',
        '万缘街道',
        '荣山镇',
        '大石镇',
        '盘龙镇',
        '宝轮镇',
        '三堆镇',
        '白朝乡',
        '金洞乡',
        '龙潭乡',
      ]);
    });

    it('knows 银川市 640100 and its six counties', () => {
      expect(NINGXIA.childrenOf('640100').map((r) => `${r.code} ${r.name}`)).toEqual([
        '640104 兴庆区',
        '640105 西夏区',
        '640106 金凤区',
        '640121 永宁县',
        '640122 贺兰县',
        '640181 灵武市',
      ]);
    });

    it('knows 兰州市 620100 and its counties, 兰州新区 among them', () => {
      expect(GANSU.childrenOf('620100').map((r) => `${r.code} ${r.name}`)).toEqual([
        '620102 城关区',
        '620103 七里河区',
        '620104 西固区',
        '620105 安宁区',
        '620111 红古区',
        '620121 永登县',
        '620122 皋兰县',
        '620123 榆中县',
        '620171 兰州新区',
      ]);
    });

    it('gives the city for the county row a city without counties has (620201 嘉峪关市)', () => {
      expect(GANSU.byCode('620201')?.code).toBe('620200');
      expect(GANSU.byCode('620200')?.level).toBe('city');
    });

    it('puts a county governed by the province under the province (济源市 419001)', () => {
      expect(HENAN.byCode('419001')).toMatchObject({ name: '济源市', parentCode: '410000' });
      expect(HENAN.ancestorsOf('411328').map((r) => r.code)).toEqual(['411300', '410000']);
    });

    it('holds only its own province', () => {
      expect(GANSU.byCode('410522')).toBeUndefined();
      expect(GANSU.contains('640106')).toBe(false);
      expect(GANSU.contains('620102')).toBe(true);
    });
  });

  describe('by printed name', () => {
    it('reads full names and short forms (唐河县 / 唐河, 南阳市 / 南阳)', () => {
      expect(codeOf(HENAN.named('唐河县'))).toBe('411328');
      expect(codeOf(HENAN.named('唐河'))).toBe('411328');
      expect(codeOf(HENAN.named('南阳'))).toBe('411300');
      expect(codeOf(NINGXIA.named('金凤区'))).toBe('640106');
      expect(codeOf(NINGXIA.named('金凤'))).toBe('640106');
      expect(codeOf(NINGXIA.named('宁夏'))).toBe('640000');
    });

    it('reads names with spaces from PDF extraction and full-width characters', () => {
      expect(codeOf(HENAN.named(' 唐 河 县 '))).toBe('411328');
      expect(codeOf(HENAN.named('唐河县\n'))).toBe('411328');
      expect(codeOf(GANSU.named('兰州新区\u3000'))).toBe('620171');
    });

    it('reads a street office as its street (东坝街道办事处), and 镇 names', () => {
      expect(codeOf(SICHUAN.named('东坝街道办事处'))).toBe('510802001000');
      expect(codeOf(SICHUAN.named('东坝街道'))).toBe('510802001000');
      expect(codeOf(SICHUAN.named('荣山镇', { within: '510802' }))).toBe('510802100000');
      expect(codeOf(SICHUAN.named('荣山镇人民政府', { within: '510802' }))).toBe('510802100000');
    });

    it('reads autonomous areas by their usual short forms (临夏州, 临夏, 天祝县)', () => {
      expect(codeOf(GANSU.named('临夏回族自治州'))).toBe('622900');
      expect(codeOf(GANSU.named('临夏州'))).toBe('622900');
      expect(codeOf(GANSU.named('临夏'))).toBe('622900');
      expect(codeOf(GANSU.named('天祝县'))).toBe('620623');
      expect(shortForms('积石山保安族东乡族撒拉族自治县')).toEqual(['积石山县', '积石山']);
    });

    it('reports two townships of one name as ambiguous until the county is given', () => {
      const match = HENAN.named('建设路街道');
      expect(match.status).toBe('ambiguous');
      if (match.status !== 'ambiguous') return;
      expect(match.candidates.map((r) => r.parentCode)).toEqual([
        '410102',
        '410403',
        '410902',
        '411082',
      ]);
      expect(codeOf(HENAN.named('建设路街道', { within: '410102' }))).toBe('410102002000');
      expect(codeOf(HENAN.named('建设路街道办事处', { within: '410100' }))).toBe('410102002000');
    });

    it('keeps names of another province out', () => {
      expect(GANSU.named('唐河县').status).toBe('not-found');
      expect(HENAN.named('金凤区').status).toBe('not-found');
    });

    it('uses the aliases a plugin passes in', () => {
      const withAlias = new ProvinceRegions('510000', { aliases: { '510403': ['攀枝花市西区'] } });
      expect(codeOf(withAlias.named('攀枝花市西区'))).toBe('510403');
      expect(
        () => new ProvinceRegions('510000', { aliases: { '410522': ['x'] } }).province,
      ).toThrow(/alias for 410522: not a region of 四川省/);
    });
  });

  describe('in a text (a title)', () => {
    it('finds the most specific region a title names', () => {
      expect(codeOf(HENAN.findIn('南阳市唐河县2023年5月政务服务“好差评”情况通报'))).toBe('411328');
      expect(codeOf(HENAN.findIn('南阳市2023年5月各县区情况'))).toBe('411300');
      expect(codeOf(NINGXIA.findIn('银川市金凤区2022年1-8月“好差评”情况'))).toBe('640106');
      expect(codeOf(GANSU.findIn('兰州市榆中县 政务服务 能力提升'))).toBe('620123');
    });

    it('finds a township whose name is its province’s only one, or whose county is named', () => {
      expect(codeOf(SICHUAN.findIn('广元市利州区荣山镇便民服务中心办件情况'))).toBe('510802100000');
      expect(codeOf(HENAN.findIn('郑州市中原区建设路街道办事处2023年5月'))).toBe('410102002000');
      const bare = HENAN.findIn('建设路街道2023年5月便民服务中心办件情况');
      expect(bare.status).toBe('ambiguous');
    });

    it('gives the city for a title naming several of its counties side by side', () => {
      expect(codeOf(NINGXIA.findIn('兴庆区、金凤区、西夏区2022年政务服务情况'))).toBe('640100');
    });

    it('finds nothing in a title that names no region', () => {
      expect(SICHUAN.findIn('9月“一网通办”能力提升工作情况').status).toBe('not-found');
    });

    it('names a county of another province a title names', () => {
      expect(GANSU.otherProvinceIn('安阳县2023年5月政务服务情况')).toEqual({
        code: '410522',
        name: '安阳县',
      });
      expect(GANSU.otherProvinceIn('兰州市2023年5月')).toBeUndefined();
    });
  });

  describe('assertInProvince', () => {
    it('refuses a county of another province in a sentence the uploader can act on', () => {
      const error = errorOf(() => GANSU.assertInProvince('410522', where));
      expect(error.code).toBe('REGION_OUTSIDE_PROVINCE');
      expect(error.message).toBe(
        "upload.xlsx: region 410522 (安阳县) is not in 甘肃省 (620000); this adapter reads only 甘肃省's files",
      );
    });

    it('refuses a township of another province naming its county', () => {
      const error = errorOf(() => NINGXIA.contextRegion('510802100000', where));
      expect(error.detail).toBe(
        "region 510802100000 (in 利州区) given with the upload is not in 宁夏回族自治区 (640000); this adapter reads only 宁夏回族自治区's files",
      );
    });

    it('gives the region of its own province, a township too', () => {
      expect(SICHUAN.assertInProvince('510802100000', where).name).toBe('荣山镇');
      expect(HENAN.contextRegion('411328', where).name).toBe('唐河县');
    });

    it('refuses a code of its own province the tables do not list, and what is no code', () => {
      expect(errorOf(() => HENAN.assertInProvince('410599', where)).code).toBe('REGION_NOT_FOUND');
      const bad = errorOf(() => HENAN.contextRegion('yindu', where));
      expect(bad.code).toBe('BAD_CONTEXT');
      expect(bad.detail).toContain('"yindu"');
    });
  });

  it('compares names without spaces, full-width forms or 办事处', () => {
    expect(regionNameKey('金 凤 区')).toBe('金凤区');
    expect(regionNameKey('满城街道办事处')).toBe('满城街道');
    expect(regionNameKey('ＡＢ镇')).toBe('AB镇');
  });
});
