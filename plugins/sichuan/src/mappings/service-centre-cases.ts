import { defineTable } from '@efficacy/plugin-sdk';

/** 附件3 便民服务中心办件情况统计表: requests per town and village service centre. */
export const SERVICE_CENTRE_CASES_KIND = 'service-centre-cases';

/**
 * 便民服务中心 is merged over two columns: the town (镇/街道, merged down over its centres and
 * its 小计 row) and the centre. Both become the unit path, town first. The first centre of a
 * town is the town's own centre; the others are village or community centres.
 */
export const serviceCentreCasesTable = defineTable({
  name: 'annex-3-service-centre-cases',
  // fillDown: a csv of the sheet carries the town only on the first row of its group.
  unit: { header: '便民服务中心', fillDown: true },
  columns: {
    consultations: { header: '咨询', kind: 'count', measure: 'consultations' },
    applications: { header: '申请', kind: 'count', measure: 'applications' },
    accepted: { header: '受理', kind: 'count', measure: 'applications.accepted' },
    finished: { header: '办结', kind: 'count', measure: 'applications.finished' },
  },
});
