/**
 * The clock the task workflow reads for "today". It is the app's clock unless a test moves
 * it, so deadlines and reminders can be tested days ahead while tokens keep the real time.
 */
export const TASK_CLOCK = Symbol('TASK_CLOCK');
