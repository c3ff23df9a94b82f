/** Today's date in UTC as YYYY-MM-DD: the default "as of" for reads that are about now. */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}
