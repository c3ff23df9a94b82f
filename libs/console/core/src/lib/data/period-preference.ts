import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { ImportsApi } from './imports-api';

const STORAGE_KEY = 'efficacy.period';
const NOTATION = /^\d{4}(-\d{2}|-Q[1-4]|-H[12])?(\.\.\d{4}-\d{2})?$/;

/**
 * Which period a page opens on when the address names none: the one the user last looked
 * at, else the period of the newest import in scope, else last month.
 */
@Injectable({ providedIn: 'root' })
export class PeriodPreference {
  private readonly session = inject(SessionService);
  private readonly imports = inject(ImportsApi);

  remember(period: string): void {
    if (NOTATION.test(period)) globalThis.localStorage?.setItem(STORAGE_KEY, period);
  }

  async initial(now: Date = new Date()): Promise<string> {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored && NOTATION.test(stored)) return stored;
    if (this.session.can('import:read')) {
      try {
        const [latest] = await firstValueFrom(this.imports.list({ status: 'committed', limit: 1 }));
        if (latest) return latest.period;
      } catch {
        /* fall back to last month */
      }
    }
    return lastMonth(now);
  }
}

export function lastMonth(now: Date): string {
  const year = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const month = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}
