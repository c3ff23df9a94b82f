import { inject } from '@angular/core';
import { Router, Routes, type CanActivateFn } from '@angular/router';
import { SessionService } from '@efficacy/console/core';

/** /detail alone opens the user's own region (or, for department staff, their unit). */
const toOwnScope: CanActivateFn = async (route) => {
  const session = inject(SessionService);
  const router = inject(Router);
  const me = session.me() ?? (await session.load());
  const unit = me?.scope.units[0];
  const region = me?.scope.regions[0]?.code;
  const queryParams = route.queryParams;
  if (unit) return router.createUrlTree(['/detail', 'unit', unit], { queryParams });
  if (region) return router.createUrlTree(['/detail', 'region', region], { queryParams });
  return router.createUrlTree(['/no-access']);
};

/** Region and unit detail: every indicator, drill-down, export and "explain this number". */
export const DETAIL_ROUTES: Routes = [
  { path: '', pathMatch: 'full', canActivate: [toOwnScope], children: [] },
  {
    path: 'region/:code',
    data: { kind: 'region' },
    loadComponent: () => import('./detail.page').then((m) => m.DetailPage),
  },
  {
    path: 'unit/:id',
    data: { kind: 'unit' },
    loadComponent: () => import('./detail.page').then((m) => m.DetailPage),
  },
];
