import { beijingDate } from '@efficacy/api-contract';

/**
 * Today's Beijing date as YYYY-MM-DD: the default "as of" for reads that are about now.
 * Business dates are Beijing dates whatever the server's TZ (ADR 0011).
 */
export function todayIso(now: Date): string {
  return beijingDate(now);
}
