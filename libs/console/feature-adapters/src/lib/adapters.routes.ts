import { Routes } from '@angular/router';

/** Installed province adapters: manifests, report kinds and recent import results. */
export const ADAPTERS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./adapters.page').then((m) => m.AdaptersPage) },
];
