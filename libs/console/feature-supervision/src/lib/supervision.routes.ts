import { Routes } from '@angular/router';

/** 督查督办: units below target, zero-case items, discrepancies and test-case gaming. */
export const SUPERVISION_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./supervision.page').then((m) => m.SupervisionPage) },
];
