import { defineTable } from '@efficacy/plugin-sdk';

/**
 * 12345 hotline figures by line (渠道): the municipal 12345 line and the lines merged into it
 * (12315, 12328, 12333, 12348), then the network platforms (市长信箱, 网民留言 …). Pingdingshan
 * prints them in its monthly 12345民呼必应热线工作情况通报 (August 2023); the phone lines'
 * 小计 and the 合计 of all requests follow them.
 *
 * 受理量 counts calls answered (人次) for a phone line and requests (件) for a platform, as the
 * bulletin does; 登记交办 and 办结 are requests (件). Lines that only answer questions (12333,
 * 12348) print no 交办 and no rates: those cells are missing, not 0.
 */
export const hotlineLinesTable = defineTable({
  name: 'hotline-lines',
  unit: { header: ['渠道', '热线渠道', '受理渠道'] },
  columns: {
    requests: {
      header: ['受理量', '受理量(人次/件)', '接听受理量'],
      kind: 'count',
      measure: 'hotline.requests',
    },
    assigned: {
      header: ['登记交办', '登记交办量', '交办量'],
      kind: 'count',
      measure: 'hotline.assigned',
    },
    finished: { header: ['办结', '办结量', '已办结'], kind: 'count', measure: 'hotline.finished' },
    finishRate: {
      header: '办结率',
      kind: 'percent',
      indicator: 'hotline_finish_rate',
      required: false,
    },
    onTimeRate: {
      header: ['按期办结率', '按时办结率'],
      kind: 'percent',
      indicator: 'hotline_on_time_finish_rate',
      required: false,
    },
    satisfaction: {
      header: ['满意率', '回访满意率'],
      kind: 'percent',
      indicator: 'hotline_satisfaction_rate',
      required: false,
    },
  },
});
