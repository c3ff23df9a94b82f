export * from './lib/tasks.module';
export * from './lib/tasks.service';
export * from './lib/reminders.service';
export * from './lib/calendar/calendar.service';
export { nextPeriod, judgeEffect } from './lib/indicator-reader';
export { checkEvidence, MAX_EVIDENCE_BYTES } from './lib/evidence';
export { taskClock, chinaDate } from './lib/task-clock';
