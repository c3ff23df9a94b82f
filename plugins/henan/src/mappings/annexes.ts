import type { LocalizedName, ReportKindManifest, TableSpec } from '@efficacy/plugin-sdk';

import { contactlessImmediateTable } from './annex-1-contactless-immediate';
import { timeLimitCompressionTable } from './annex-2-time-limit-compression';
import { eLicencesTable } from './annex-3-e-licences';
import { dataCataloguesTable } from './annex-4-data-catalogues';
import { internetPlusSupervisionTable } from './annex-5-internet-plus-supervision';
import { caseVolumesTable } from './annex-6-case-volumes';
import { onlineServiceAuditTable } from './annex-7-online-service-audit';
import { hallAttendanceTable } from './annex-8-hall-attendance';
import { hotlineLinesTable } from './hotline-lines';

/**
 * One report kind per statistics table of the monthly 政务服务能力提升工作运行情况通报 (Yindu:
 * 殷放管服办〔2023〕18号, annexes 1–8). Each table is exchanged as its own workbook; a clerk's
 * workbook holding several of them as sheets is the `capability-bulletin-annexes` kind.
 */
export interface AnnexKind {
  readonly reportKind: string;
  /** The annex number in the bulletin (附件N); absent for tables of other bulletins. */
  readonly annex?: number;
  /** Where the layout was verified, when it is not the Yindu bulletin's annex. */
  readonly coverage?: ReportKindManifest['coverage'];
  readonly name: LocalizedName;
  readonly table: TableSpec;
  /** Words of the printed title; they raise detection confidence. */
  readonly titleIncludes: readonly string[];
}

export const COMBINED_ANNEXES_KIND = 'capability-bulletin-annexes';

export const ANNEX_KINDS: readonly AnnexKind[] = [
  {
    reportKind: 'contactless-immediate-items',
    annex: 1,
    name: {
      zh: '不见面审批、即办件情况统计表',
      en: 'Contactless and immediate items',
    },
    table: contactlessImmediateTable,
    titleIncludes: ['不见面审批', '即办件'],
  },
  {
    reportKind: 'time-limit-compression',
    annex: 2,
    name: {
      zh: '政务服务事项压缩办理时限统计表',
      en: 'Time-limit compression of service items',
    },
    table: timeLimitCompressionTable,
    titleIncludes: ['压缩办理时限'],
  },
  {
    reportKind: 'e-licence-production',
    annex: 3,
    name: { zh: '电子证照制作完成情况统计表', en: 'E-licences produced, by licence type' },
    table: eLicencesTable,
    titleIncludes: ['电子证照'],
  },
  {
    reportKind: 'data-catalogues',
    annex: 4,
    name: { zh: '政务信息资源发布情况统计表', en: 'Data-sharing resource catalogues' },
    table: dataCataloguesTable,
    titleIncludes: ['政务信息资源'],
  },
  {
    reportKind: 'internet-plus-supervision',
    annex: 5,
    name: {
      zh: '“互联网+监管”数据汇集情况统计表',
      en: '"Internet + supervision" item coverage and data collection',
    },
    table: internetPlusSupervisionTable,
    titleIncludes: ['互联网+监管'],
  },
  {
    reportKind: 'case-volume-sources',
    annex: 6,
    name: {
      zh: '政务服务事项办件量情况统计表',
      en: 'Case volumes from three sources (department, e-supervision, integrated window)',
    },
    table: caseVolumesTable,
    titleIncludes: ['办件量'],
  },
  {
    reportKind: 'online-service-audit',
    annex: 7,
    name: { zh: '网办问题排查清单', en: 'Online-service problem audit (网办问题排查)' },
    table: onlineServiceAuditTable,
    titleIncludes: ['网办问题排查'],
  },
  {
    reportKind: 'hall-staff-attendance',
    annex: 8,
    name: { zh: '政务服务大厅各单位派驻人员考勤情况', en: 'Service-hall staff attendance' },
    table: hallAttendanceTable,
    titleIncludes: ['考勤'],
  },
  {
    reportKind: 'hotline-lines',
    name: {
      zh: '12345热线各渠道受理办理情况',
      en: '12345 hotline: requests, assignments and finished cases by line',
    },
    table: hotlineLinesTable,
    titleIncludes: ['12345', '热线'],
    coverage: [
      {
        edition: '平顶山市2023年8月12345民呼必应热线工作情况通报',
        from: '2023-08',
        to: '2023-08',
        note: 'layout defined by Efficacy for the figures of the text (一、(一)); not a platform export',
      },
    ],
  },
];
