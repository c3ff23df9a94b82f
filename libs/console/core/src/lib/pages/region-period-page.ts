import { computed, effect, inject, signal, untracked, type Signal } from '@angular/core';
import { Router } from '@angular/router';
import type { RegionNode } from '@efficacy/api-contract';
import { SessionService } from '../auth/session.service';
import { PeriodPreference } from '../data/period-preference';
import { RegistryApi } from '../data/registry-api';

/** What a page addressed by `?region=&period=` shares with the others of its kind. */
export interface RegionPeriodPage {
  /** The region tree in scope, for the region picker. */
  readonly regions: Signal<RegionNode[]>;
  /** The address's region, else the user's first region. */
  readonly regionCode: Signal<string | null>;
  /** Merges query parameters into the address (replacing the history entry). */
  navigate(params: Record<string, string | null | undefined>): void;
  /** Loads the region and period in force again (after an error). */
  retry(): void;
}

/**
 * The region and period of a page that takes them from its address: the region tree, the
 * region in force, a period chosen when the address names none (the user's last, else the
 * newest import's), and `load` whenever either changes, with the period remembered. Call it
 * from a field initializer or constructor (it injects and registers an effect).
 */
export function regionPeriodPage(
  region: Signal<string | undefined>,
  period: Signal<string | undefined>,
  load: (region: string, period: string) => void,
): RegionPeriodPage {
  const registry = inject(RegistryApi);
  const session = inject(SessionService);
  const router = inject(Router);
  const periods = inject(PeriodPreference);

  const regions = signal<RegionNode[]>([]);
  registry.regions().subscribe({ next: (r) => regions.set(r), error: () => undefined });
  const regionCode = computed(() => region() ?? session.me()?.scope.regions[0]?.code ?? null);

  const navigate = (params: Record<string, string | null | undefined>) =>
    void router.navigate([], {
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  const run = (code: string, p: string) => {
    periods.remember(p);
    load(code, p);
  };

  effect(() => {
    const code = regionCode();
    const p = period();
    untracked(() => {
      if (!p) void periods.initial().then((initial) => navigate({ period: initial }));
      else if (code) run(code, p);
    });
  });

  return {
    regions,
    regionCode,
    navigate,
    retry: () => {
      const code = regionCode();
      const p = period();
      if (code && p) run(code, p);
    },
  };
}
