/**
 * Units that report figures and are ranked in bulletins without being regions: departments at
 * every level, 开发区/经开区/高新区 that lie inside a county without a code of their own,
 * 政务服务中心 and halls, service centres (便民服务中心) of townships and villages, windows in a
 * hall, and companies that answer 12345 (移动公司, 供暖公司).
 *
 * A unit id is `<region code>:<slug>` (640106:spj is 金凤区审批服务管理局), with the city code
 * for a city without counties. Ids never change; names do, so every spelling a source has
 * used is kept as an alias.
 */
export type UnitKind =
  | 'department'
  | 'development-zone'
  | 'service-hall'
  | 'service-centre'
  | 'hall-window'
  | 'company';

export interface UnitKindInfo {
  readonly kind: UnitKind;
  readonly labelZh: string;
  readonly labelEn: string;
  /** True when a county's department ranking (部门排名) lists units of this kind. */
  readonly rankedWithDepartments: boolean;
}

/** Every kind, in the order a bulletin lists them. */
export const UNIT_KINDS: readonly UnitKindInfo[] = [
  { kind: 'department', labelZh: '部门', labelEn: 'department', rankedWithDepartments: true },
  {
    kind: 'development-zone',
    labelZh: '开发区（经开区、高新区）',
    labelEn: 'development zone',
    rankedWithDepartments: true,
  },
  {
    kind: 'service-hall',
    labelZh: '政务服务中心（大厅）',
    labelEn: 'government-service centre or hall',
    rankedWithDepartments: false,
  },
  {
    kind: 'service-centre',
    labelZh: '便民服务中心',
    labelEn: 'township or village service centre',
    rankedWithDepartments: false,
  },
  {
    kind: 'hall-window',
    labelZh: '大厅窗口',
    labelEn: 'hall window',
    rankedWithDepartments: false,
  },
  {
    kind: 'company',
    labelZh: '企业（12345 承办单位）',
    labelEn: 'company answering 12345',
    rankedWithDepartments: false,
  },
];

export function isUnitKind(value: string): value is UnitKind {
  return UNIT_KINDS.some((k) => k.kind === value);
}

/** Whether a unit of this kind counts in its county's department ranking. */
export function rankedWithDepartments(kind: UnitKind): boolean {
  return UNIT_KINDS.find((k) => k.kind === kind)?.rankedWithDepartments ?? false;
}

export interface Unit {
  readonly id: string;
  readonly kind: UnitKind;
  readonly nameZh: string;
  readonly nameEn?: string;
  /** Region the unit belongs to unless effective-dated links say otherwise. */
  readonly regionCode: string;
  /** Other spellings seen in sources, e.g. 残联, 殷都区残疾人联合会. */
  readonly aliases: readonly string[];
  /** Inclusive ISO date; open when absent. */
  readonly validFrom?: string;
  /** Exclusive ISO date (e.g. the day of a merge); open when absent. */
  readonly validTo?: string;
}

/** An effective-dated move of a unit to another region. */
export interface UnitRegionLink {
  readonly unitId: string;
  readonly regionCode: string;
  readonly validFrom: string;
  readonly validTo?: string;
}

/**
 * A reorganisation. Figures recorded before it stay with the unit they were recorded for;
 * a merge or rename lets the successor be compared with its predecessors, a split cannot
 * (the old figures cannot be divided between the new units).
 */
export interface UnitSuccession {
  readonly kind: 'merge' | 'split' | 'rename';
  /** ISO date the change took effect: predecessors' validTo, successors' validFrom. */
  readonly date: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly note?: string;
}

const UNIT_ID = /^\d{6}(\d{6})?(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*$/;

export function isUnitId(id: string): boolean {
  return UNIT_ID.test(id);
}

export function unitId(countyCode: string, slug: string): string {
  const id = `${countyCode}:${slug}`;
  if (!isUnitId(id)) throw new RangeError(`"${id}" does not follow <county code>:<slug>`);
  return id;
}
