/** The job that judges a closed task's effect on the next period's figure (ADR 0006). */
export const EFFECT_CHECK_JOB = 'tasks.effect-check';

/** The hourly job that records reminder levels and re-checks pending effects. */
export const REMINDER_SCAN_JOB = 'tasks.reminder-scan';
