import { Routes } from '@angular/router';

/** 目标管理: targets per indicator, region and year, with their inheritance. */
export const TARGETS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./targets.page').then((m) => m.TargetsPage) },
];
