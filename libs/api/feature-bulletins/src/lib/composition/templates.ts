import type { BulletinTemplates } from '@efficacy/api-contract';

/**
 * The narrative a clerk edits per region; figures never live here. Placeholders:
 * {region} 金凤区, {area} 全区, {period} 2022年1-8月, {asOf} 8月底, {year} 2022.
 */
export const DEFAULT_TEMPLATES: BulletinTemplates = {
  intro:
    '为深入贯彻落实《国务院关于加快推进政务服务标准化规范化便利化的指导意见》（国发〔2022〕5号），全面提升一体化政务服务能力，现将{region}{period}政务服务系统运行情况通报如下：',
  closing:
    '各单位要对照本通报指出的问题，逐项查找原因，明确责任人和完成时限，切实抓好整改落实，不断提升企业和群众办事便利度、满意度。',
  requirements: [
    {
      title: '提高事项覆盖率',
      text: '各办理部门要对零办件事项逐项分类，专业系统办理的事项按国家标准及时录入一体化政务服务平台，确保每个事项每月均有办件数据汇聚。',
    },
    {
      title: '持续提升政务服务“好差评”工作质效',
      text: '各服务窗口要按照“谁办理、谁负责”的原则实现一次一评，对差评及时核实、整改、反馈，差评整改率必须达到100%。',
    },
    {
      title: '推进超期办件彻底清零',
      text: '严格落实限时办结制度，对已超期办件建立台账、查找原因、逐件说明，将责任落实到人。',
    },
  ],
  issuer: '{region}政务服务管理部门',
  addressee: '各有关部门、各乡镇（街道）：',
  numberPrefix: '{region}政务',
};

export interface TemplateValues {
  readonly region: string;
  readonly area: string;
  readonly period: string;
  readonly asOf: string;
  readonly year: string;
}

const PLACEHOLDER = /\{(region|area|period|asOf|year)\}/g;

/** Fills the placeholders; unknown braces are left as typed so a clerk sees the mistake. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_, key: keyof TemplateValues) => values[key]);
}

/** A template error a clerk can act on, or undefined when the templates are usable. */
export function checkTemplates(templates: BulletinTemplates): string | undefined {
  const texts: Array<[string, string]> = [
    ['intro', templates.intro],
    ['closing', templates.closing],
    ['issuer', templates.issuer],
    ['addressee', templates.addressee],
    ['numberPrefix', templates.numberPrefix],
    ...templates.requirements.flatMap(
      (r, i): Array<[string, string]> => [
        [`requirements[${i}].title`, r.title],
        [`requirements[${i}].text`, r.text],
      ],
    ),
  ];
  for (const [field, text] of texts) {
    const unknown = [...text.matchAll(/\{([^}]*)\}/g)].find(
      (m) => !['region', 'area', 'period', 'asOf', 'year'].includes(m[1] ?? ''),
    );
    if (unknown) {
      return `${field}: unknown placeholder {${unknown[1]}}; use {region}, {area}, {period}, {asOf} or {year}`;
    }
  }
  if (!templates.issuer.trim()) return 'issuer: the issuing body must not be empty';
  if (!templates.numberPrefix.trim())
    return 'numberPrefix: the document number prefix must not be empty';
  return undefined;
}
