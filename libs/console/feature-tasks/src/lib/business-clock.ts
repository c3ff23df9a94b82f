import { InjectionToken } from '@angular/core';

/**
 * "Now" for the task pages (this year on the calendar page, …), read as a Beijing date with
 * `beijingDate`/`beijingYear`. The browser's clock unless a test provides a fixed one.
 */
export const BUSINESS_CLOCK = new InjectionToken<{ now(): Date }>('BUSINESS_CLOCK', {
  providedIn: 'root',
  factory: () => ({ now: () => new Date() }),
});
