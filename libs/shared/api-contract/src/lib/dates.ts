/**
 * Business dates are Beijing dates (Asia/Shanghai). China has kept UTC+8 all year since 1991,
 * so the date of an instant is its UTC date eight hours on, whatever the machine's TZ.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing date of an instant, YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing calendar year of an instant. */
export function beijingYear(at: Date): number {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();
}

/** The Beijing calendar month (1–12) of an instant. */
export function beijingMonth(at: Date): number {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).getUTCMonth() + 1;
}
