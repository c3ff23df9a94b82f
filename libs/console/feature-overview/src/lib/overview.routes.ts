import { Routes } from '@angular/router';

/** 效能总览: the user's scope for a period, against the headline indicators. */
export const OVERVIEW_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./overview.page').then((m) => m.OverviewPage) },
];
