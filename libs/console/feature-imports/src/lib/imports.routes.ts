import { Routes } from '@angular/router';

/** Data imports: upload, dry-run preview, commit, history and rollback. */
export const IMPORTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./imports.page').then((m) => m.ImportsPage) },
];
