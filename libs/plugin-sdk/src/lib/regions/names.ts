import { normaliseText, squashWhitespace } from '../text/normalise';

/**
 * How a printed region name is compared. Titles wrap and PDF extraction spaces characters out
 * ("唐 河 县"), exports mix full-width forms, and a street office is printed both as its region
 * (东坝街道) and as its office (东坝街道办事处).
 */
export function regionNameKey(text: string): string {
  let key = squashWhitespace(normaliseText(text));
  key = key.replace(/人民政府$/, '');
  if (key.endsWith('街道办事处')) key = key.slice(0, -'办事处'.length);
  else if (key.endsWith('办事处') && key.length > '办事处'.length + 1) {
    key = `${key.slice(0, -'办事处'.length)}街道`;
  }
  return key;
}

/** The 56 nationalities, longest first, as autonomous areas carry them in their names. */
const NATIONALITIES = [
  '哈萨克',
  '塔吉克',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '高山',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '怒',
  '汉',
].sort((a, b) => b.length - a.length);

const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${NATIONALITIES.join('|')})族)+自治(区|州|县|旗)$`);

/**
 * The short forms (简称) a region's full name is printed under: 唐河县 → 唐河, 南阳市 → 南阳,
 * 临夏回族自治州 → 临夏州 and 临夏, 宁夏回族自治区 → 宁夏, 东坝街道 → 东坝. A base of one
 * character is no name (西区 stays 西区).
 */
export function shortForms(fullName: string): string[] {
  const out: string[] = [];
  const autonomous = AUTONOMOUS.exec(fullName);
  if (autonomous) {
    const [, base = '', kind] = autonomous;
    if (kind !== '区') out.push(`${base}${kind}`);
    out.push(base);
    return out;
  }
  const suffix = /(街道|地区|省|市|县|区|旗|镇|乡)$/.exec(fullName);
  if (suffix) {
    const base = fullName.slice(0, -suffix[0].length);
    if (base.length >= 2) out.push(base);
  }
  return out;
}
