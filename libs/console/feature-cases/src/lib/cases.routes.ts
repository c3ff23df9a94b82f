import { Routes } from '@angular/router';

/** Case records (办件): upload a platform export, follow its import, list past imports. */
export const CASES_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./cases.page').then((m) => m.CasesPage) },
];
