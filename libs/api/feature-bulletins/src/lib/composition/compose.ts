import type {
  AnnexCell,
  AnnexRow,
  BulletinAnnex,
  BulletinChart,
  BulletinDocument,
  BulletinFigure,
  BulletinOffice,
  BulletinOfficeField,
  BulletinParagraph,
  BulletinSection,
  BulletinTemplates,
} from '@efficacy/api-contract';
import {
  assess,
  DEFAULT_COMPLETENESS,
  DEFAULT_COUNTED_UNIT_KINDS,
  expectedMembers,
  type AssessmentContext,
  type Coverage,
  type IndicatorAssessment,
} from '@efficacy/assessment-engine';
import {
  computeIndicatorValue,
  formatFixed,
  formatPeriod,
  monthsOf,
  parsePeriod,
  periodBounds,
  periodKey,
  periodLabelZh,
  periodYear,
  regionSubject,
  statusSymbol,
  subjectKey,
  unitSubject,
  type Hierarchy,
  type IndicatorDefinition,
  type IndicatorValue,
  type MeasureCode,
  type MeasureObservation,
  type Subject,
} from '@efficacy/indicator-model';
import { ANNEX_SPECS, TOTAL_ONLY_NOTE, type AnnexSpec } from './annex-specs';
import { bandSentence, notApplicableSentence, worstFirst, type Standing } from './laggards';
import { DEFAULT_TEMPLATES, fillTemplate, type TemplateValues } from './templates';

export interface ComposeOptions {
  readonly regionCode: string;
  readonly period: string;
  readonly templates: BulletinTemplates;
  /**
   * 发文字号 as drafted (金政务〔2027〕3号); without it the number is drafted from the office's
   * prefix, the issue date's year and `sequence`.
   */
  readonly documentNumber?: string;
  /** The office's next number in the issue date's year (1 when it published none yet). */
  readonly sequence?: number;
  /** Beijing date (YYYY-MM-DD) printed as 成文日期 and 印发日期. */
  readonly issueDate: string;
  readonly corrects?: BulletinDocument['corrects'];
}

/** Composing was refused: the period has no imported figures for the region. */
export class NoFiguresError extends Error {
  override readonly name = 'NoFiguresError';
}

const OFFICE_LABELS: Readonly<Record<BulletinOfficeField, string>> = {
  issuer: '发文机关（红头）',
  signature: '落款',
  numberPrefix: '发文字号前缀',
  printedBy: '印发机关',
};

/** What a draft prints where a setting is missing, so that nobody mistakes it for the real one. */
export function officePlaceholder(field: BulletinOfficeField): string {
  return `【待设置：${OFFICE_LABELS[field]}】`;
}

export function officeFieldLabel(field: BulletinOfficeField): string {
  return OFFICE_LABELS[field];
}

/**
 * The office settings in force for a region: the saved ones, else what an older template
 * version set by hand (never the shipped defaults, which name no real office).
 */
export function officeOf(templates: BulletinTemplates): Partial<BulletinOffice> {
  const own = (value: string, fallback: string) =>
    value.trim() && value !== fallback ? value.trim() : undefined;
  const issuer = templates.office?.issuer.trim() || own(templates.issuer, DEFAULT_TEMPLATES.issuer);
  const numberPrefix =
    templates.office?.numberPrefix.trim() ||
    own(templates.numberPrefix, DEFAULT_TEMPLATES.numberPrefix);
  return {
    ...(issuer ? { issuer } : {}),
    ...(templates.office?.signature.trim() ? { signature: templates.office.signature.trim() } : {}),
    ...(numberPrefix ? { numberPrefix } : {}),
    copyTo: templates.office?.copyTo.trim() ?? '',
    ...(templates.office?.printedBy.trim() ? { printedBy: templates.office.printedBy.trim() } : {}),
  };
}

/** The office settings with the template placeholders ({region} …) filled for a document. */
export function officeFor(
  templates: BulletinTemplates,
  document: Pick<BulletinDocument, 'regionNameZh' | 'periodLabelZh' | 'period'>,
): Partial<BulletinOffice> {
  const end = periodBounds(document.period).to;
  const values: TemplateValues = {
    region: document.regionNameZh,
    area: areaWord(document.regionNameZh),
    period: document.periodLabelZh,
    asOf: `${end.month}月底`,
    year: String(periodYear(document.period)),
  };
  return Object.fromEntries(
    Object.entries(officeOf(templates)).map(([k, v]) => [k, fillTemplate(v, values)]),
  );
}

/** The settings a published bulletin needs and the region has not saved. */
export function missingOffice(office: Partial<BulletinOffice>): BulletinOfficeField[] {
  return (['issuer', 'signature', 'numberPrefix', 'printedBy'] as const).filter(
    (f) => !office[f]?.trim(),
  );
}

/** 金政务〔2027〕3号: the prefix, the issue date's year (Beijing) and the office's sequence. */
export function documentNumber(prefix: string, issueDate: string, sequence: number): string {
  return `${prefix}〔${issueDate.slice(0, 4)}〕${sequence}号`;
}

/**
 * Puts the office's 红头, 落款, 发文字号 and 版记 on a document: at composition, and again at
 * publication with the settings and number in force then.
 */
export function withOffice(
  document: BulletinDocument,
  office: Partial<BulletinOffice>,
  issueDate: string,
  sequence: number,
  fixedNumber?: string,
): BulletinDocument {
  const missing = missingOffice(office);
  const value = (f: BulletinOfficeField) => office[f]?.trim() || officePlaceholder(f);
  const { missingSettings: _drop, ...rest } = document;
  void _drop;
  const copyTo = office.copyTo?.trim();
  return {
    ...rest,
    issuer: value('issuer'),
    signature: value('signature'),
    documentNumber: fixedNumber ?? documentNumber(value('numberPrefix'), issueDate, sequence),
    issueDate,
    imprint: {
      ...(copyTo ? { copyTo } : {}),
      printedBy: value('printedBy'),
      printDate: issueDate,
    },
    ...(missing.length > 0 ? { missingSettings: missing } : {}),
  };
}

interface SectionSpec {
  readonly heading: string;
  readonly indicators: readonly string[];
  readonly annexes: readonly string[];
  readonly badReviews?: boolean;
  /** Counts the seed prints in this section without an indicator (入库总量, 预审不通过办件). */
  readonly facts?: 'elicences' | 'pre-review';
  /**
   * Indicators whose units the seed names in bands rather than against the target: 金凤区's
   * 事项覆盖率 lists the units above 10%, those below it and those at 0.
   */
  readonly bands?: Readonly<Record<string, number>>;
}

/** The seeds' order of sections; an indicator with figures and no section here gets its own. */
const SECTION_SPECS: readonly SectionSpec[] = [
  {
    heading: '政务服务事项覆盖率情况',
    indicators: ['item_coverage'],
    annexes: ['item-coverage'],
    bands: { item_coverage: 10 },
  },
  {
    heading: '政务服务“好差评”情况',
    indicators: [
      'offline_evaluation_rate',
      'evaluation_rate',
      'active_evaluation_rate',
      'satisfaction',
      'bad_review_rectification_rate',
    ],
    annexes: ['good-bad-review'],
    badReviews: true,
  },
  {
    heading: '电子证照入库情况',
    indicators: ['elicence_growth', 'elicence_records'],
    annexes: ['e-licences'],
    facts: 'elicences',
  },
  {
    heading: '超期办件情况',
    indicators: ['overdue_rate', 'overdue_unfinished_count', 'on_time_rate'],
    annexes: ['overdue'],
  },
  {
    heading: '预审不通过办结情况',
    indicators: [],
    annexes: ['failed-pre-review'],
    facts: 'pre-review',
  },
  {
    heading: '不见面审批、即办件、时限压缩情况',
    indicators: ['contactless_item_share', 'immediate_item_share', 'time_limit_compression'],
    annexes: ['contactless-immediate', 'time-limit-compression'],
  },
  {
    heading: '数据共享情况',
    indicators: ['catalogue_mount_rate'],
    annexes: ['data-catalogues'],
  },
  {
    heading: '“互联网+监管”数据汇集情况',
    indicators: ['supervision_main_item_coverage', 'supervision_sub_item_coverage'],
    annexes: ['internet-plus-supervision'],
  },
  {
    heading: '网办问题排查情况',
    indicators: ['online_audit_completion_rate'],
    annexes: ['online-service-audit'],
  },
  { heading: '政务服务大厅派驻人员考勤情况', indicators: ['staff_leave_ratio'], annexes: [] },
];

/** How an indicator reads in a sentence when its catalogue name reads stiffly. */
const PROSE_NAMES: Readonly<Record<string, string>> = {
  satisfaction: '政务服务“好差评”整体满意率',
  offline_evaluation_rate: '线下评价率',
  immediate_item_share: '即办件占比',
  contactless_item_share: '政务服务不见面审批事项占比',
  time_limit_compression: '政务服务事项时限压缩比例',
  overdue_unfinished_count: '超期未办件',
};

/** What a city's or province's members are called in a coverage note. */
const MEMBER_NOUN: Readonly<Record<Coverage['memberLevel'], string>> = {
  province: '省',
  city: '市',
  county: '县区',
  township: '乡镇（街道）',
  village: '村（社区）',
  unit: '单位',
};

/** A region's coverage when it is an aggregate of regions (a city, a province), else none. */
function aggregateCoverage(coverage: Coverage | undefined): Coverage | undefined {
  return coverage && coverage.memberLevel !== 'unit' && coverage.expected > 0
    ? coverage
    : undefined;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${CHINESE_NUMERALS[n - 11] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CHINESE_NUMERALS[tens - 1]}十${ones ? CHINESE_NUMERALS[ones - 1] : ''}`;
}

/** 全区 / 全县 / 全市 / 全旗, from the last character of the region's name. */
export function areaWord(regionName: string): string {
  const last = regionName.slice(-1);
  return ['区', '县', '市', '旗', '省'].includes(last) ? `全${last}` : '全区';
}

/** A figure as prose prints it: 100% rather than 100.00%, 28.08% as is. */
export function proseNumber(value: number, digits: number): string {
  return Number.isInteger(value) ? String(value) : formatFixed(value, digits);
}

interface Figure {
  readonly value?: number;
  readonly text: string;
  readonly status: IndicatorValue['status'];
}

type FigureSource = 'printed' | 'effective' | 'reported-only';

/**
 * The figure printed for a subject. A unit's row takes the source's own printed rate when it
 * printed one (so an annex reproduces the platform's table, truncation included); a region's
 * figure is the engine's (derived from the summed counts), so a later import shows up in new
 * bulletins; a benchmark row has only what the source printed.
 */
function figureOf(value: IndicatorValue, source: FigureSource = 'printed'): Figure {
  const digits = value.indicator.rounding.digits;
  const reported = value.reported?.value;
  if (source === 'effective' && value.status === 'number' && value.value !== undefined) {
    return { value: value.value, text: formatFixed(value.value, digits), status: 'number' };
  }
  if (source === 'reported-only' && reported?.status !== 'number') {
    return { text: '', status: 'missing' };
  }
  if (reported?.status === 'number') {
    return { value: reported.value, text: formatFixed(reported.value, digits), status: 'number' };
  }
  if (value.status === 'number' && value.value !== undefined) {
    return { value: value.value, text: formatFixed(value.value, digits), status: 'number' };
  }
  return {
    text: statusSymbol(value.status === 'number' ? 'missing' : value.status),
    status: value.status,
  };
}

/** Whether a value meets a target; undefined (not judged) for a comparator it does not know. */
function meets(comparator: string, value: number, goal: number | undefined): boolean | undefined {
  if (goal === undefined) return undefined;
  switch (comparator) {
    case '>=':
      return value >= goal;
    case '<=':
      return value <= goal;
    case '>':
      return value > goal;
    case '<':
      return value < goal;
    case '=':
      return value === goal;
    default:
      return undefined;
  }
}

const COMPARATOR_WORDS: Readonly<Record<string, string>> = {
  '>=': '达到',
  '<=': '不超过',
  '>': '高于',
  '<': '低于',
  '=': '等于',
};

function unitSuffix(definition: IndicatorDefinition): string {
  return definition.unit === 'percent' ? '%' : '';
}

function changeWords(definition: IndicatorDefinition, delta: number, label: string): string {
  const amount = proseNumber(Math.abs(delta), definition.rounding.digits);
  const measure = definition.unit === 'percent' ? '个百分点' : '';
  if (delta === 0) return `与${label}持平`;
  return `较${label}${delta > 0 ? '提高' : '降低'}${amount}${measure}`;
}

interface UnitFigure {
  readonly id: string;
  readonly name: string;
  readonly figure: Figure;
  /** Order in which the source listed the unit (file, sheet, row). */
  readonly order: string;
}

/** Units attached to the region or any region below it, on the hierarchy's date. */
function unitsWithin(hierarchy: Hierarchy, regionCode: string) {
  return hierarchy.units().filter((u) => {
    const at = hierarchy.regionOfUnit(u.id) ?? u.regionCode;
    return at === regionCode || hierarchy.isWithin(at, regionCode);
  });
}

function sourceOrder(observation: Pick<MeasureObservation, 'provenance'> | undefined): string {
  const p = observation?.provenance;
  if (!p) return '~';
  return `${p.file}|${p.sheet ?? ''}|${String(p.row ?? 0).padStart(6, '0')}`;
}

/** Topics a requirement may speak of, and the indicators that report on each. */
const REQUIREMENT_TOPICS: ReadonlyArray<{ readonly words: RegExp; readonly codes: RegExp }> = [
  { words: /事项覆盖率|零办件/, codes: /^item_coverage$/ },
  { words: /好差评|评价/, codes: /evaluation|satisfaction|bad_review/ },
  { words: /超期|限时办结/, codes: /overdue|on_time/ },
  { words: /电子证照/, codes: /^elicence/ },
  { words: /即办件|时限压缩|压缩办理时限|不见面/, codes: /immediate|compression|contactless/ },
  { words: /数据共享|资源目录|挂载/, codes: /^catalogue/ },
  { words: /互联网\+监管/, codes: /^supervision/ },
  { words: /网办问题排查|排查/, codes: /^online_audit/ },
];

/**
 * Whether a next-step requirement speaks only of what the bulletin reports: one about coverage
 * is left out of a bulletin that reports no coverage (西区). A requirement naming no known
 * topic (作风纪律) is kept.
 */
function speaksOfReported(text: string, reported: ReadonlySet<string>, headings: string): boolean {
  const topics = REQUIREMENT_TOPICS.filter((t) => t.words.test(text));
  if (topics.length === 0) return true;
  return topics.some(
    (t) => [...reported].some((code) => t.codes.test(code)) || t.words.test(headings),
  );
}

export class BulletinComposer {
  private readonly hierarchy: Hierarchy;
  private readonly year: number;
  private readonly asOf: string;

  constructor(
    private readonly context: AssessmentContext,
    private readonly options: ComposeOptions,
  ) {
    this.asOf = periodBounds(options.period).to.month + '月底';
    this.year = periodYear(options.period);
    const end = periodBounds(options.period).to;
    const lastDay = new Date(Date.UTC(end.year, end.month, 0)).toISOString().slice(0, 10);
    this.hierarchy = context.hierarchy(lastDay);
  }

  private definition(code: string): IndicatorDefinition {
    return this.context.catalogue.get(code, `${this.year}-12-31`);
  }

  private valueOf(code: string, subject: Subject, period = this.options.period): IndicatorValue {
    return computeIndicatorValue(
      this.context.store,
      this.hierarchy,
      this.definition(code),
      subject,
      period,
    );
  }

  private unitFigures(code: string): UnitFigure[] {
    return unitsWithin(this.hierarchy, this.options.regionCode)
      .map((u) => {
        const figure = figureOf(this.valueOf(code, unitSubject(u.id)));
        return { id: u.id, name: u.nameZh, figure, order: u.id };
      })
      .filter((u) => u.figure.status !== 'missing');
  }

  private regionMeasure(measure: MeasureCode): number | undefined {
    const own = this.context.store
      .measureAt(regionSubject(this.options.regionCode), measure, this.options.period)
      .find((o) => o.value.status === 'number');
    return own?.value.status === 'number' ? own.value.value : undefined;
  }

  compose(): BulletinDocument {
    const { regionCode, period, templates } = this.options;
    const normalised = formatPeriod(parsePeriod(period));
    const assessment = assess(this.context, { regionCode, period: normalised });
    const region = assessment.regionNameZh;
    const periodLabel = periodLabelZh(normalised);
    const values: TemplateValues = {
      region,
      area: areaWord(region),
      period: periodLabel,
      asOf: this.asOf,
      year: String(this.year),
    };
    if (!assessment.indicators.some((i) => i.region.value.status === 'number')) {
      throw new NoFiguresError(
        `no figures have been imported for ${region} (${regionCode}) in ${normalised}: import the period's statistics before composing its bulletin`,
      );
    }
    const byCode = new Map(assessment.indicators.map((i) => [i.code, i]));
    const hasFigure = (code: string) => {
      const i = byCode.get(code);
      return i !== undefined && i.region.value.status === 'number';
    };

    const annexes: BulletinAnnex[] = [];
    const annexNumber = (code: string): number | undefined => {
      const existing = annexes.find((a) => a.code === code);
      if (existing) return existing.number;
      const spec = ANNEX_SPECS.find((s) => s.code === code);
      if (!spec) return undefined;
      const annex = this.annex(spec, annexes.length + 1, region, periodLabel);
      if (!annex) return undefined;
      annexes.push(annex);
      return annex.number;
    };

    const figures: BulletinFigure[] = [];
    const charts: BulletinChart[] = [];
    const subsections: BulletinSection[] = [];
    const covered = new Set<string>();
    const specs: SectionSpec[] = [
      ...SECTION_SPECS,
      // Other indicators get a section of their own only when someone set a target for them.
      ...assessment.indicators
        .filter((i) => !SECTION_SPECS.some((s) => s.indicators.includes(i.code)))
        .filter((i) => i.region.target !== undefined)
        .map((i) => ({ heading: `${i.nameZh}情况`, indicators: [i.code], annexes: [] })),
    ];
    for (const spec of specs) {
      const codes = spec.indicators.filter(hasFigure);
      const facts = spec.facts ? this.facts(spec.facts) : [];
      if (codes.length === 0 && facts.length === 0) continue;
      codes.forEach((c) => covered.add(c));
      const paragraphs: BulletinParagraph[] = [];
      const sentences: string[] = [];
      const below: string[] = [];
      const said = new Set<string>();
      for (const code of codes) {
        const indicator = byCode.get(code) as IndicatorAssessment;
        const result = this.indicatorProse(indicator, values, spec.bands?.[code], said);
        sentences.push(result.sentence);
        if (result.below) below.push(result.below);
        figures.push(result.figure);
        const chart = this.rankingChart(indicator);
        if (chart) charts.push(chart);
        const trend = this.trendChart(indicator);
        if (trend) charts.push(trend);
      }
      if (spec.badReviews) {
        const bad = this.regionMeasure('evaluations.bad');
        if (bad !== undefined) sentences.push(`差评${bad}件`);
      }
      let text =
        sentences.length > 0
          ? `截至${this.asOf}，${sentences.join('；')}。${facts.join('')}`
          : `截至${this.asOf}，${facts.join('')}`;
      if (below.length > 0) text += below.join('');
      const numbers = spec.annexes
        .map((a) => annexNumber(a))
        .filter((n): n is number => n !== undefined);
      if (numbers.length > 0) text += `详见附件${numbers.join('、')}。`;
      paragraphs.push({ text });
      subsections.push({
        heading: `（${chineseNumeral(subsections.length + 1)}）${spec.heading}`,
        level: 2,
        paragraphs,
        indicators: codes,
      });
    }

    const reported = new Set(subsections.flatMap((sec) => sec.indicators ?? []));
    const reportedHeadings = subsections.map((sec) => sec.heading).join('');
    // The shipped requirements speak of coverage, evaluations and overdue cases: one whose
    // topic the bulletin does not report is left out. A clerk's own requirement is kept.
    const shipped = (r: { title: string; text: string }) =>
      DEFAULT_TEMPLATES.requirements.some((d) => d.title === r.title && d.text === r.text);
    const requirements = templates.requirements.filter(
      (r) => !shipped(r) || speaksOfReported(`${r.title}${r.text}`, reported, reportedHeadings),
    );
    const sections: BulletinSection[] = [
      { heading: '', level: 1, paragraphs: [{ text: fillTemplate(templates.intro, values) }] },
      {
        heading: '一、总体情况',
        level: 1,
        paragraphs: [{ text: this.overview(values, figures, assessment.indicators) }],
      },
      ...subsections,
      ...(requirements.length > 0
        ? [{ heading: '二、下一步工作要求', level: 1 as const, paragraphs: [] }]
        : []),
      ...requirements.map(
        (r, i): BulletinSection => ({
          heading: `（${chineseNumeral(i + 1)}）${fillTemplate(r.title, values)}`,
          level: 2,
          paragraphs: [{ text: fillTemplate(r.text, values) }],
        }),
      ),
      { heading: '', level: 1, paragraphs: [{ text: fillTemplate(templates.closing, values) }] },
    ];

    const document: BulletinDocument = {
      regionCode,
      regionNameZh: region,
      period: normalised,
      periodLabelZh: periodLabel,
      title: `${region}${periodLabel}政务服务运行情况的通报`,
      issuer: '',
      documentNumber: '',
      issueDate: this.options.issueDate,
      addressee: fillTemplate(templates.addressee, values),
      sections,
      figures,
      annexes,
      charts,
      ...(this.options.corrects ? { corrects: this.options.corrects } : {}),
    };
    return withOffice(
      document,
      officeFor(templates, document),
      this.options.issueDate,
      this.options.sequence ?? 1,
      this.options.documentNumber,
    );
  }

  private overview(
    values: TemplateValues,
    figures: readonly BulletinFigure[],
    indicators: readonly IndicatorAssessment[],
  ): string {
    const units = unitsWithin(this.hierarchy, this.options.regionCode).filter((u) =>
      this.context.store
        .subjects()
        .some((s) => s.kind === 'unit' && s.id === u.id && this.hasFiguresInPeriod(s)),
    );
    const parts: string[] = [];
    if (units.length > 0) parts.push(`纳入统计的办理部门（单位）共${units.length}个`);
    const items = this.regionMeasure('items');
    if (items !== undefined) parts.push(`承接政务服务事项${items}项`);
    // One figure, one value: the case count the rates are computed from (the units' sum) is
    // the one printed; a region total the source printed otherwise is named as such.
    const printed = this.regionMeasure('cases');
    const summed = figures.length > 0 ? this.summedCases() : undefined;
    const cases = summed ?? printed;
    if (cases !== undefined) {
      let phrase = `通过平台办理政务服务事项${cases}件`;
      if (printed !== undefined && summed !== undefined && printed !== summed) {
        phrase += `（各单位办件量合计；平台统计的${values.region}办件量为${printed}件，相差${Math.abs(printed - summed)}件，本通报各项比率均按各单位合计计算）`;
      }
      parts.push(phrase);
    }
    let text = `截至${this.asOf}，${values.region}`;
    // A city's overview says first how many of its counties the figures below cover.
    const widest = indicators
      .map((i) => ({ code: i.code, coverage: aggregateCoverage(i.region.coverage) }))
      .filter((c): c is { code: string; coverage: Coverage } => c.coverage !== undefined)
      .sort((a, b) => b.coverage.reported - a.coverage.reported)[0];
    if (widest) {
      text += `${this.coverageWords(widest.code, widest.coverage, '', true)}`;
      if (widest.coverage.reported < widest.coverage.expected && parts.length > 0) {
        text += `，已报送${MEMBER_NOUN[widest.coverage.memberLevel]}`;
      } else if (parts.length > 0) text += '，';
    }
    text += parts.length > 0 ? `${parts.join('，')}。` : '各项指标情况如下。';
    const met = figures.filter((f) => f.target?.status === 'met').map((f) => f.nameZh);
    const missed = figures.filter((f) => f.target?.status === 'missed').map((f) => f.nameZh);
    if (met.length > 0) text += `${met.join('、')}已达到目标要求`;
    if (missed.length > 0)
      text += `${met.length > 0 ? '，' : ''}${missed.join('、')}未达到目标要求`;
    if (met.length + missed.length > 0) text += '。';
    return text;
  }

  /** A region count for a period other than the bulletin's (2020 and 2021 入库总量). */
  private regionMeasureIn(measure: MeasureCode, period: string): number | undefined {
    const own = this.context.store
      .measureAt(regionSubject(this.options.regionCode), measure, period)
      .find((o) => o.value.status === 'number');
    return own?.value.status === 'number' ? own.value.value : undefined;
  }

  /** The sentences of a section the seed prints from counts alone, when they are imported. */
  private facts(kind: 'elicences' | 'pre-review'): string[] {
    const region = this.hierarchy.region(this.options.regionCode)?.nameZh ?? '';
    if (kind === 'pre-review') {
      const all = this.regionMeasure('cases.pre_review_rejected');
      if (all === undefined) return [];
      const approval = this.regionMeasure('cases.pre_review_rejected.approval_system');
      const convenience = this.regionMeasure('cases.pre_review_rejected.convenience_system');
      const parts = [
        ...(approval !== undefined ? [`审批系统预审不通过办件${approval}件`] : []),
        ...(convenience !== undefined ? [`便民系统预审不通过办件${convenience}件`] : []),
      ];
      return [
        `各办理部门通过平台办理政务服务事项预审不通过办件${all}件${parts.length > 0 ? `，其中：${parts.join('；')}` : ''}。`,
      ];
    }
    const bound = this.regionMeasure('elicence.types_bound');
    const withRecords = this.regionMeasure('elicence.types_with_records');
    const records = this.regionMeasure('elicence.records_added');
    const parts = [
      ...(bound !== undefined ? [`绑定电子证照模板${bound}种`] : []),
      ...(withRecords !== undefined ? [`已录入电子证照信息的${withRecords}种`] : []),
      ...(records !== undefined ? [`入库总量${records}个`] : []),
    ];
    const sentences = parts.length > 0 ? [`${region}${parts.join('，')}。`] : [];
    const before = this.regionMeasureIn('elicence.records_added', String(this.year - 2));
    const last = this.regionMeasureIn('elicence.records_added', String(this.year - 1));
    if (before !== undefined && last !== undefined && before > 0) {
      const printed = this.context.store
        .reportedAt(
          regionSubject(this.options.regionCode),
          'elicence_growth',
          String(this.year - 1),
        )
        .find((r) => r.value.status === 'number');
      const growth =
        printed?.value.status === 'number'
          ? proseNumber(printed.value.value, 1)
          : formatFixed((last / before - 1) * 100, 1);
      sentences.push(
        `${this.year - 2}年入库总量${before}个，${this.year - 1}年入库总量${last}个，年入库增长${growth}%。`,
      );
    }
    return sentences;
  }

  private hasFiguresInPeriod(subject: Subject): boolean {
    const key = periodKey(this.options.period);
    return this.context.store.observations.some(
      (o) =>
        o.subject.kind === 'unit' &&
        subject.kind === 'unit' &&
        o.subject.id === subject.id &&
        periodKey(o.period) === key,
    );
  }

  /** The case count the engine divides by (the units' cases summed), when a rate uses it. */
  private summedCases(): number | undefined {
    for (const code of ['overdue_rate', 'on_time_rate']) {
      const value = this.valueOf(code, regionSubject(this.options.regionCode));
      const denominator = value.derived?.denominator;
      if (value.status === 'number' && denominator !== undefined) return denominator;
    }
    return undefined;
  }

  private indicatorProse(
    indicator: IndicatorAssessment,
    values: TemplateValues,
    band?: number,
    /** Coverage leads already said in this paragraph: each is said once. */
    said: Set<string> = new Set(),
  ): { sentence: string; below?: string; figure: BulletinFigure } {
    const definition = this.definition(indicator.code);
    const digits = definition.rounding.digits;
    const own = figureOf(
      this.valueOf(indicator.code, regionSubject(this.options.regionCode)),
      'effective',
    );
    const value = own.value ?? indicator.region.value.value ?? 0;
    const suffix = unitSuffix(definition);
    const name = PROSE_NAMES[indicator.code] ?? indicator.nameZh;
    const derived = indicator.region.value.derived;
    const counts =
      definition.unit === 'percent' &&
      definition.formula.kind === 'ratio' &&
      definition.formula.variant !== 'complement' &&
      derived?.numerator !== undefined &&
      derived.denominator !== undefined &&
      indicator.code !== 'satisfaction'
        ? `${derived.numerator}/${derived.denominator}`
        : undefined;
    // A city's or province's figure says how many of its counties (cities) it covers; below
    // the completeness rule it speaks only for those that reported and is not judged.
    const coverage = aggregateCoverage(indicator.region.coverage);
    const partial = coverage?.partial === true;
    const figureText = `${proseNumber(value, digits)}${suffix}`;
    let sentence: string;
    if (coverage && partial) {
      const lead = this.coverageWords(indicator.code, coverage, values.area, true);
      sentence = `${said.has(lead) ? '' : `${lead}，`}已报送${MEMBER_NOUN[coverage.memberLevel]}${name}为${figureText}${counts ? `（${counts}）` : ''}`;
      said.add(lead);
    } else {
      const notes = [
        ...(counts ? [counts] : []),
        ...(coverage ? [this.coverageWords(indicator.code, coverage, values.area, false)] : []),
      ];
      sentence = `${values.area}${name}为${figureText}${notes.length > 0 ? `（${notes.join('；')}）` : ''}`;
    }
    const previous = indicator.region.change.previous;
    if (previous?.delta !== undefined) {
      sentence += `，${changeWords(definition, previous.delta, periodLabelZh(previous.period))}`;
    }
    const target = indicator.region.target;
    const verdict = partial ? undefined : meets(target?.comparator ?? '', value, target?.value);
    let below: string | undefined;
    const belowNames: string[] = [];
    const standings = this.standings(indicator.code, definition);
    const unranked = notApplicableSentence(
      standings.filter((s) => s.status === 'not_applicable'),
      standings.filter((s) => s.status === 'not_connected'),
      indicator.nameZh,
    );
    const list = (units: readonly Standing[]) =>
      units.map((u) => `${u.name}（${u.text}）`).join('、');
    if (target && target.value !== undefined) {
      const setter = this.hierarchy.region(target.setOn)?.nameZh ?? '';
      const goal = `${target.value}${suffix}`;
      const cmp = COMPARATOR_WORDS[target.comparator] ?? target.comparator;
      sentence += `。按照${setter}“${this.year}年${indicator.nameZh}${cmp}${goal}”的目标要求，`;
      if (partial && coverage) {
        sentence += `因${values.area}尚有${coverage.expected - coverage.reported}个${MEMBER_NOUN[coverage.memberLevel]}未报送，暂不判定是否达到目标`;
      } else if (verdict === true) {
        sentence += '已达到目标';
      } else if (verdict === false) {
        const gap = proseNumber(Math.abs(target.value - value), digits);
        sentence += `尚差${gap}${definition.unit === 'percent' ? '个百分点' : ''}，未达到目标`;
      } else {
        sentence += '暂不判定是否达到目标';
      }
      const goalValue = target.value;
      const units = worstFirst(
        standings.filter(
          (u) => u.value !== undefined && meets(target.comparator, u.value, goalValue) === false,
        ),
        indicator.polarity,
      );
      units.forEach((u) => belowNames.push(u.name));
      const side = ['>=', '>'].includes(target.comparator)
        ? '低于'
        : ['<=', '<'].includes(target.comparator)
          ? '高于'
          : '未达到';
      if (band !== undefined) {
        below = bandSentence(standings, band, indicator.nameZh);
      } else if (units.length > 0) {
        below = `${indicator.nameZh}${side}目标的单位有${units.length}个：${list(units)}。${unranked}`;
      } else if (standings.some((u) => u.value !== undefined)) {
        below = `各单位${indicator.nameZh}均已达到目标。${unranked}`;
      }
    } else if (band !== undefined) {
      below = bandSentence(standings, band, indicator.nameZh);
    } else if (
      definition.unit === 'percent' &&
      indicator.polarity !== 'neutral' &&
      indicator.code !== 'satisfaction'
    ) {
      const better = indicator.polarity === 'higher-is-better';
      const lagging = worstFirst(
        standings.filter(
          (u) => u.value !== undefined && (better ? u.value < value : u.value > value),
        ),
        indicator.polarity,
      ).slice(0, 12);
      lagging.forEach((u) => belowNames.push(u.name));
      if (lagging.length > 0) {
        below = `${indicator.nameZh}${better ? '低于' : '高于'}${values.area}水平、较为落后的单位：${list(lagging)}。${unranked}`;
      }
    }
    return {
      sentence,
      ...(below ? { below } : {}),
      figure: {
        indicator: indicator.code,
        nameZh: indicator.nameZh,
        display: `${own.text}${own.status === 'number' ? suffix : ''}`,
        ...(own.value !== undefined ? { value: own.value } : {}),
        unit: definition.unit,
        ...(target
          ? {
              target: {
                comparator: target.comparator,
                ...(target.value !== undefined ? { value: target.value } : {}),
                status: partial
                  ? 'partial'
                  : verdict === true
                    ? 'met'
                    : verdict === false
                      ? 'missed'
                      : 'unknown',
              },
            }
          : {}),
        ...(previous
          ? {
              change: {
                period: previous.period,
                ...(previous.delta !== undefined ? { delta: previous.delta } : {}),
              },
            }
          : {}),
        belowTarget: belowNames,
      },
    };
  }

  /**
   * "全市6个县区中1个已报送（金凤区）" before a partial figure, "全市6个县区中6个已报送" beside a
   * complete one; a printed total says it is the source's own.
   */
  private coverageWords(code: string, coverage: Coverage, area: string, lead: boolean): string {
    const noun = MEMBER_NOUN[coverage.memberLevel];
    const rule = this.context.completeness[code] ?? DEFAULT_COMPLETENESS;
    const missing = new Set(coverage.missing.map((m) => subjectKey(m.subject)));
    const reportedNames = expectedMembers(this.hierarchy, this.options.regionCode, rule)
      .subjects.filter((s) => !missing.has(subjectKey(s)))
      .map((s) =>
        s.kind === 'region'
          ? (this.hierarchy.region(s.code)?.nameZh ?? s.code)
          : s.kind === 'unit'
            ? (this.hierarchy.unit(s.id)?.nameZh ?? s.id)
            : '',
      )
      .filter((n) => n !== '');
    const head = `${area}${coverage.expected}个${noun}中${coverage.reported}个已报送`;
    if (lead) return `${head}（${reportedNames.join('、')}）`;
    if (coverage.reported >= coverage.expected) return head;
    const unreported = coverage.missing.map((m) => m.nameZh).join('、');
    return coverage.printedTotal
      ? `源表印刷的${area}合计；${head}明细，未报送：${unreported}`
      : `${head}，未报送：${unreported}`;
  }

  /** Every counted unit of the region with its figure or state, for naming laggards. */
  private standings(code: string, definition: IndicatorDefinition): Standing[] {
    const rule = this.context.completeness[code] ?? DEFAULT_COMPLETENESS;
    const kinds = rule.unitKinds ?? DEFAULT_COUNTED_UNIT_KINDS;
    const digits = definition.rounding.digits;
    const suffix = unitSuffix(definition);
    const reportedIndex = new Map(this.context.store.reported.map((r, i) => [r, i]));
    return unitsWithin(this.hierarchy, this.options.regionCode)
      .filter((u) => kinds.includes(u.kind))
      .map((u, i): Standing => {
        const subject = unitSubject(u.id);
        const figure = figureOf(this.valueOf(code, subject));
        const printed = this.context.store.reportedAt(subject, code, this.options.period)[0];
        const observation = this.context.store.observations.find(
          (o) =>
            o.subject.kind === 'unit' &&
            o.subject.id === u.id &&
            periodKey(o.period) === periodKey(this.options.period),
        );
        const order = printed
          ? `${sourceOrder(printed)}|${String(reportedIndex.get(printed) ?? 0).padStart(6, '0')}`
          : `${sourceOrder(observation)}|${String(i).padStart(6, '0')}`;
        const cases = this.context.store
          .measureAt(subject, 'cases', this.options.period)
          .find((o) => o.value.status === 'number');
        return {
          id: u.id,
          name: u.nameZh,
          status: figure.status,
          ...(figure.value !== undefined ? { value: figure.value } : {}),
          text:
            figure.value !== undefined
              ? `${formatFixed(figure.value, digits)}${suffix}`
              : figure.text,
          order,
          ...(cases?.value.status === 'number' ? { cases: cases.value.value } : {}),
        };
      });
  }

  private rankingChart(indicator: IndicatorAssessment): BulletinChart | undefined {
    const definition = this.definition(indicator.code);
    const better = indicator.polarity !== 'lower-is-better';
    const bars = this.unitFigures(indicator.code)
      .filter((u) => u.figure.value !== undefined)
      .map((u) => ({ name: u.name, value: u.figure.value as number }))
      .sort((a, b) => (better ? b.value - a.value : a.value - b.value));
    if (bars.length < 2) return undefined;
    const target = indicator.region.target?.value;
    return {
      kind: 'ranking',
      code: `ranking-${indicator.code}`,
      title: `各单位${indicator.nameZh}排名`,
      indicator: indicator.code,
      unit: definition.unit === 'percent' ? '%' : '',
      bars,
      ...(target !== undefined ? { target } : {}),
    };
  }

  private trendChart(indicator: IndicatorAssessment): BulletinChart | undefined {
    const end = periodBounds(this.options.period).to;
    const months = monthsOf(`${end.year}-01..${end.year}-${String(end.month).padStart(2, '0')}`);
    const points = months.map((month) => {
      const v = figureOf(
        this.valueOf(indicator.code, regionSubject(this.options.regionCode), month),
        'effective',
      );
      return { month, value: v.value ?? null };
    });
    if (points.filter((p) => p.value !== null).length < 2) return undefined;
    const target = indicator.region.target?.value;
    return {
      kind: 'trend',
      code: `trend-${indicator.code}`,
      title: `${this.hierarchy.region(this.options.regionCode)?.nameZh ?? ''}${indicator.nameZh}月度走势`,
      indicator: indicator.code,
      unit: this.definition(indicator.code).unit === 'percent' ? '%' : '',
      points,
      ...(target !== undefined ? { target } : {}),
    };
  }

  /** The period a column reads: the bulletin's, or a whole year before it (2021年入库总量). */
  private columnPeriod(yearsBack: number | undefined): string {
    return yearsBack ? String(this.year - yearsBack) : this.options.period;
  }

  private measureCell(
    subject: Subject,
    measure: MeasureCode,
    period = this.options.period,
  ): AnnexCell {
    const observation = this.context.store.measureAt(subject, measure, period)[0];
    if (!observation) return { text: '' };
    const v = observation.value;
    if (v.status === 'number') return { text: String(v.value), value: v.value };
    return { text: statusSymbol(v.status) };
  }

  private indicatorCell(
    code: string,
    subject: Subject,
    percentSign: boolean,
    source: FigureSource = 'printed',
    period = this.options.period,
  ): AnnexCell {
    const figure = figureOf(this.valueOf(code, subject, period), source);
    if (figure.value === undefined) return { text: figure.text };
    return { text: `${figure.text}${percentSign ? '%' : ''}`, value: figure.value };
  }

  private annex(
    spec: AnnexSpec,
    number: number,
    region: string,
    periodLabel: string,
  ): BulletinAnnex | undefined {
    const key = periodKey(this.options.period);
    const unitIds = new Set(unitsWithin(this.hierarchy, this.options.regionCode).map((u) => u.id));
    type Row = Pick<MeasureObservation, 'subject' | 'provenance'>;
    const inScope = (o: { subject: Subject; period: string }) =>
      o.subject.kind === 'unit' && unitIds.has(o.subject.id) && periodKey(o.period) === key;
    const candidates: Row[] = [
      ...this.context.store.observations.filter((o) => o.measure === spec.keyMeasure && inScope(o)),
      // A table that printed only the rate (金凤区's annex 1 as the text gives it).
      ...(spec.keyIndicator
        ? this.context.store.reported.filter(
            (r) => r.indicator === spec.keyIndicator && r.role !== 'benchmark' && inScope(r),
          )
        : []),
    ];
    // The same table may stand in several committed files (a combined workbook and the annex
    // alone): rows follow the file that holds the most of them, then the others, whatever
    // order the database returned them in.
    const perFile = new Map<string, number>();
    for (const o of candidates) {
      const file = o.provenance?.file ?? '~';
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
    }
    const weight = (o: Row) => perFile.get(o.provenance?.file ?? '~') ?? 0;
    candidates.sort(
      (a, b) => weight(b) - weight(a) || sourceOrder(a).localeCompare(sourceOrder(b)),
    );
    const firstSeen = new Map<string, Row>();
    for (const o of candidates) {
      if (o.subject.kind === 'unit' && !firstSeen.has(o.subject.id)) firstSeen.set(o.subject.id, o);
    }
    // A source that listed only its 合计 row (金凤区's annexes 3 to 5): the annex prints that
    // row and says why there is nothing above it.
    const regionRows = this.context.store.observations.filter(
      (o) =>
        o.measure === spec.keyMeasure &&
        o.subject.kind === 'region' &&
        o.subject.code === this.options.regionCode &&
        o.role !== 'benchmark' &&
        o.value.status === 'number' &&
        periodKey(o.period) === key,
    );
    const totalOnly = firstSeen.size === 0;
    if (totalOnly && regionRows.length === 0) return undefined;
    const position = (id: string) => {
      const o = firstSeen.get(id);
      return o ? `${String(1e6 - weight(o)).padStart(7, '0')}|${sourceOrder(o)}` : '~';
    };
    let ids = [...firstSeen.keys()].sort((a, b) => position(a).localeCompare(position(b)));
    if (spec.sortBy) {
      const sortBy = spec.sortBy;
      const rank = new Map(
        ids.map((id) => [id, figureOf(this.valueOf(sortBy, unitSubject(id))).value ?? -Infinity]),
      );
      ids = [...ids].sort((a, b) => (rank.get(b) as number) - (rank.get(a) as number));
    }

    const cellsFor = (subject: Subject, figures: FigureSource = 'printed'): AnnexCell[] =>
      spec.columns.map((column) => {
        const source = column.source;
        if ('measure' in source) {
          return this.measureCell(subject, source.measure, this.columnPeriod(source.yearsBack));
        }
        if ('indicator' in source) {
          return this.indicatorCell(
            source.indicator,
            subject,
            source.percentSign ?? false,
            figures,
            this.columnPeriod(source.yearsBack),
          );
        }
        return { text: '' };
      });

    const unitRows: AnnexRow[] = ids.map((id, i) => ({
      seq: String(i + 1),
      name: this.hierarchy.unit(id)?.nameZh ?? id,
      kind: 'unit',
      cells: cellsFor(unitSubject(id)),
    }));

    // The 合计 row prints the table's own total when the source had one (a table that lists
    // only some units, like 金凤区's annex 1, still totals the whole county), otherwise the sum
    // of the rows (a unit's "/" adds nothing); rates are the region's, from the summed counts.
    const sourceFiles = new Set(
      [...(totalOnly ? regionRows : [...firstSeen.values()])]
        .map((o) => o.provenance?.file)
        .filter((f): f is string => !!f),
    );
    const regionSubjectValue = regionSubject(this.options.regionCode);
    const totalCells: AnnexCell[] = spec.columns.map((column, c) => {
      const source = column.source;
      if ('measure' in source) {
        const columnKey = periodKey(this.columnPeriod(source.yearsBack));
        const printed = this.context.store.observations.find(
          (o) =>
            o.measure === source.measure &&
            o.subject.kind === 'region' &&
            o.subject.code === this.options.regionCode &&
            o.value.status === 'number' &&
            periodKey(o.period) === columnKey &&
            sourceFiles.has(o.provenance?.file ?? ''),
        );
        if (printed?.value.status === 'number') {
          return { text: String(printed.value.value), value: printed.value.value };
        }
        const numbers = unitRows
          .map((r) => r.cells[c]?.value)
          .filter((v): v is number => v !== undefined);
        const sum = Math.round(numbers.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
        return numbers.length > 0 ? { text: String(sum), value: sum } : { text: '' };
      }
      if ('indicator' in source) {
        // A total-only table's rate is the one it printed (16.7%, not 16.70 recomputed).
        return this.indicatorCell(
          source.indicator,
          regionSubjectValue,
          source.percentSign ?? false,
          totalOnly ? 'printed' : 'effective',
          this.columnPeriod(source.yearsBack),
        );
      }
      return { text: '' };
    });
    const total: AnnexRow = {
      seq: '',
      name: spec.totalLabel === 'region' ? region : '合计',
      kind: 'total',
      cells: totalCells,
    };

    const rows: AnnexRow[] = [];
    if (spec.benchmark) {
      for (const ancestor of this.hierarchy.ancestorsOf(this.options.regionCode)) {
        const subject = regionSubject(ancestor);
        const hasBenchmark = this.context.store.observations.some(
          (o) =>
            o.role === 'benchmark' &&
            o.subject.kind === 'region' &&
            o.subject.code === ancestor &&
            periodKey(o.period) === key,
        );
        if (!hasBenchmark) continue;
        rows.push({
          seq: '',
          name: this.hierarchy.region(ancestor)?.nameZh ?? ancestor,
          kind: 'benchmark',
          cells: cellsFor(subject, 'reported-only'),
        });
      }
    }
    if (spec.total === 'top') rows.push(total, ...unitRows);
    else rows.push(...unitRows, total);

    return {
      number,
      code: spec.code,
      title: spec.title(region, periodLabel),
      nameHeader: spec.nameHeader,
      columns: spec.columns.map((c) => ({
        header: c.header
          .replace('{period}', periodLabel)
          .replace('{year-1}', String(this.year - 1))
          .replace('{year-2}', String(this.year - 2)),
        ...(c.group ? { group: c.group } : {}),
        kind: 'measure' in c.source ? 'count' : 'indicator' in c.source ? 'percent' : 'text',
      })),
      rows,
      ...(spec.note || totalOnly
        ? { note: [spec.note, totalOnly ? TOTAL_ONLY_NOTE : undefined].filter(Boolean).join('') }
        : {}),
    };
  }
}

/** Composes a bulletin from the figures in the context: pure, data in, document model out. */
export function composeBulletin(
  context: AssessmentContext,
  options: ComposeOptions,
): BulletinDocument {
  return new BulletinComposer(context, options).compose();
}

/** The annex list as the body prints it (附件：1. …). */
export function annexList(document: BulletinDocument): string[] {
  return document.annexes.map((a) => `${a.number}. ${a.title}`);
}

export { ANNEX_SPECS };
