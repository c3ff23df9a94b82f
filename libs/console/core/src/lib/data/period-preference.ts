import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { ImportsApi } from './imports-api';
import type { ImportSummary } from '@efficacy/api-contract';
import { isPeriod } from '@efficacy/indicator-model';

const STORAGE_KEY = 'efficacy.period';

/**
 * Which period a page opens on when the address names none: the one the user last looked
 * at, else the period with data for most of the user's regions (the newest such), else last
 * month.
 */
@Injectable({ providedIn: 'root' })
export class PeriodPreference {
  private readonly session = inject(SessionService);
  private readonly imports = inject(ImportsApi);

  remember(period: string): void {
    if (isPeriod(period)) globalThis.localStorage?.setItem(STORAGE_KEY, period);
  }

  async initial(now: Date = new Date()): Promise<string> {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored && isPeriod(stored)) return stored;
    if (this.session.can('import:read')) {
      try {
        const recent = await firstValueFrom(
          this.imports.list({ status: 'committed', limit: RECENT_IMPORTS }),
        );
        const best = periodWithMostRegions(recent);
        if (best) return best;
      } catch {
        /* fall back to last month */
      }
    }
    return lastMonth(now);
  }
}

/** How many of the newest committed imports the default period is chosen from. */
const RECENT_IMPORTS = 200;

/**
 * The period that most regions have data for, among the given imports; then the one with
 * more files (more of its indicators are in); then the one imported most recently. The newest
 * import alone may be one county's half-year or a month of case records while the other files
 * are of another period: opening on it shows a page where almost nothing is judged.
 */
export function periodWithMostRegions(
  imports: readonly Pick<ImportSummary, 'period' | 'regionCode' | 'createdAt'>[],
): string | null {
  const byPeriod = new Map<string, { regions: Set<string>; files: number; newest: string }>();
  for (const i of imports) {
    const entry = byPeriod.get(i.period) ?? { regions: new Set<string>(), files: 0, newest: '' };
    entry.regions.add(i.regionCode);
    entry.files += 1;
    if (i.createdAt > entry.newest) entry.newest = i.createdAt;
    byPeriod.set(i.period, entry);
  }
  const rank = (e: { regions: Set<string>; files: number; newest: string }) =>
    [e.regions.size, e.files, e.newest] as const;
  let best: { period: string; key: readonly [number, number, string] } | null = null;
  for (const [period, entry] of byPeriod) {
    const key = rank(entry);
    if (
      !best ||
      key[0] > best.key[0] ||
      (key[0] === best.key[0] && key[1] > best.key[1]) ||
      (key[0] === best.key[0] && key[1] === best.key[1] && key[2] > best.key[2])
    )
      best = { period, key };
  }
  return best?.period ?? null;
}

/** The month before the Beijing month of `now` (business dates are Beijing dates). */
export function lastMonth(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const month = beijing.getUTCMonth();
  const year = month === 0 ? beijing.getUTCFullYear() - 1 : beijing.getUTCFullYear();
  return `${year}-${String(month === 0 ? 12 : month).padStart(2, '0')}`;
}
