/**
 * Unit-name normalisation. The same department is printed differently in one bulletin
 * (殷都区残联 / 残联 / 殷都区残疾人联合会; 公安分局 / 区公安局; 生态环境局 / 生态环境分局 /
 * 生态环境局殷都分局), so names are reduced to a canonical key before comparison.
 */

/** Long official forms and the short forms bulletins use; longest first when applied. */
export const UNIT_NAME_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['人力资源和社会保障局', '人社局'],
  ['人力资源社会保障局', '人社局'],
  ['残疾人联合会', '残联'],
  ['退役军人事务局', '退役军人局'],
  ['市场监督管理局', '市场监管局'],
  ['市场监督管理分局', '市场监管局'],
  ['卫生健康委员会', '卫健委'],
  ['卫生和计划生育委员会', '卫健委'],
  ['发展和改革委员会', '发改委'],
  ['发展和改革局', '发改局'],
  ['文化广电体育和旅游局', '文广体旅局'],
  ['文化广电和旅游局', '文广旅局'],
  ['交通运输局', '交通局'],
  ['城市管理综合执法局', '城管局'],
  ['城市管理局', '城管局'],
  ['应急管理局', '应急局'],
  ['医疗保障局', '医保局'],
  ['民族宗教事务局', '民宗局'],
  ['民族宗教局', '民宗局'],
  ['工业和信息化局', '工信局'],
  ['住房和城乡建设局', '住建局'],
  ['住房城乡建设局', '住建局'],
  ['自然资源和规划局', '自然资源局'],
  ['行政审批服务管理局', '审批局'],
  ['审批服务管理局', '审批局'],
  ['行政审批局', '审批局'],
  ['房产管理局', '房管局'],
  ['金融工作办公室', '金融办'],
];

/**
 * Endings of institution names. A run of repeated trailing characters is collapsed only
 * when what remains ends like an institution (中心心心心 → 中心), so genuine names are kept.
 */
const INSTITUTION_ENDINGS = [
  '中心',
  '局',
  '委',
  '办',
  '所',
  '站',
  '队',
  '室',
  '会',
  '处',
  '部',
  '院',
  '厅',
  '窗口',
  '公司',
  '大队',
  '街道',
  '镇',
  '乡',
  '社区',
  '村',
];

/** Repairs names like 格里坪镇便民服务中心心心心 (a stuck key in the source). */
export function collapseRepeatedEnding(name: string): string {
  const match = /(.)\1+$/u.exec(name);
  if (!match) return name;
  const collapsed = name.slice(0, name.length - match[0].length) + match[1];
  return INSTITUTION_ENDINGS.some((ending) => collapsed.endsWith(ending)) ? collapsed : name;
}

/** Width, spaces and bracket characters only; the text a clerk would call "the same". */
export function cleanUnitName(name: string): string {
  return collapseRepeatedEnding(
    name
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[()（）【】[\]「」“”"'·•]/g, ''),
  );
}

export interface NameContext {
  /** Region names to strip (the unit's county and its ancestors, full and short forms). */
  readonly regionNames: readonly string[];
}

/**
 * The key two spellings of one unit share. Steps, in order: clean; strip region names
 * wherever they occur (生态环境局殷都分局 → 生态环境局分局); strip the vertical-management
 * prefix 国家税务总局; strip a leading generic 区/县 (区商务局 → 商务局); apply the synonym
 * table; treat a branch (分局) as the bureau it is a branch of.
 */
export function canonicalUnitKey(name: string, context: NameContext = { regionNames: [] }): string {
  let key = cleanUnitName(name);
  const regionNames = [...context.regionNames].sort((a, b) => b.length - a.length);
  for (const regionName of regionNames) {
    if (regionName.length < 2) continue;
    const stripped = key.split(regionName).join('');
    // Never strip a name down to nothing: "殷都区" alone is the region itself.
    if (stripped.length >= 2) key = stripped;
  }
  key = key.replace(/^国家税务总局/, '');
  // 区委/县委 is the party committee, not a district prefix.
  if (/^[区县](?!委)/.test(key) && key.length > 2) key = key.slice(1);
  for (const [long, short] of UNIT_NAME_SYNONYMS) {
    key = key.split(long).join(short);
  }
  return key.replace(/分局$/, '局').replace(/局局$/, '局');
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const result: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) result.push(chars[i] + chars[i + 1]);
  return result;
}

/** Dice coefficient over character bigrams: 1 for equal keys, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const gram of right) pool.set(gram, (pool.get(gram) ?? 0) + 1);
  let common = 0;
  for (const gram of left) {
    const count = pool.get(gram) ?? 0;
    if (count > 0) {
      common++;
      pool.set(gram, count - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}
