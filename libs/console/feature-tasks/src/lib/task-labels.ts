import type { ReminderLevel, TaskState } from '@efficacy/api-contract';

/** Tag colours of each state, as ng-zorro names them. */
export const STATE_COLOR: Record<TaskState, string> = {
  draft: 'default',
  assigned: 'blue',
  acknowledged: 'cyan',
  in_progress: 'geekblue',
  submitted: 'purple',
  signed_off: 'gold',
  closed: 'green',
  cancelled: 'default',
};

export const REMINDER_COLOR: Record<ReminderLevel, string> = {
  none: 'default',
  'due-soon': 'blue',
  'due-today': 'orange',
  yellow: 'gold',
  red: 'red',
};
