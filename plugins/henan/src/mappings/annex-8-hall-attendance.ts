import { defineTable } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/**
 * 附件8 政务服务大厅各单位派驻人员考勤情况（6月份）: 序号, 单位, then twelve attendance columns.
 * Two groups, each closed by 小计: the stationed departments (no heading row) and 公共服务单位
 * (a heading row merged across the width), then 合计. 请假人数比例 is empty in the 小计 and 合计
 * rows. "累计" here sums over the month's staff, not over the year, so no column is
 * year-to-date. Days and hours have halves and tenths (17.5 days, 702.3 hours): numbers.
 */
export const hallAttendanceTable = defineTable({
  name: 'annex-8-hall-attendance',
  unit: { header: UNIT_HEADERS },
  columns: {
    stationed: { header: '入驻总人数', kind: 'count', measure: 'staff.stationed' },
    onLeave: { header: '请假人数', kind: 'count', measure: 'staff.on_leave' },
    leaveRatio: { header: '请假人数比例', kind: 'percent', indicator: 'staff_leave_ratio' },
    leaveDays: { header: '累计请假天数', kind: 'number', measure: 'staff.leave_days' },
    late: { header: '迟到人数', kind: 'count', measure: 'staff.late' },
    lateTimes: { header: '累计迟到次数', kind: 'count', measure: 'staff.late_times' },
    missedClock: { header: '缺卡人数', kind: 'count', measure: 'staff.missed_clock' },
    missedClockTimes: {
      header: '累计缺卡次数',
      kind: 'count',
      measure: 'staff.missed_clock_times',
    },
    absent: { header: '旷工人数', kind: 'count', measure: 'staff.absent' },
    absentDays: { header: '累计旷工天数', kind: 'number', measure: 'staff.absent_days' },
    outOnDuty: { header: '公出人数', kind: 'count', measure: 'staff.out_on_duty' },
    outOnDutyHours: {
      header: '累计公出（小时）',
      kind: 'number',
      measure: 'staff.out_on_duty_hours',
    },
  },
});
