import { Routes } from '@angular/router';

/** Bulletins (通报): preview, narrative templates, drafts, publication, downloads, errata. */
export const BULLETINS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./bulletins.page').then((m) => m.BulletinsPage) },
];
