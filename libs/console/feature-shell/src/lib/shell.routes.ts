import { Routes } from '@angular/router';
import { requirePermission } from '@efficacy/console/core';
import { Shell } from './shell/shell';

/** The signed-in layout and its pages; feature libs add lazy children here. */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: Shell,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
      { path: 'home', loadComponent: () => import('./home/home.page').then((m) => m.HomePage) },
      {
        path: 'overview',
        canActivate: [requirePermission('assessment:read')],
        loadChildren: () =>
          import('@efficacy/console/feature-overview').then((m) => m.OVERVIEW_ROUTES),
      },
      {
        path: 'detail',
        canActivate: [requirePermission('assessment:read')],
        loadChildren: () => import('@efficacy/console/feature-detail').then((m) => m.DETAIL_ROUTES),
      },
      {
        path: 'supervision',
        canActivate: [requirePermission('assessment:read')],
        loadChildren: () =>
          import('@efficacy/console/feature-supervision').then((m) => m.SUPERVISION_ROUTES),
      },
      {
        path: 'targets',
        canActivate: [requirePermission('target:read')],
        loadChildren: () =>
          import('@efficacy/console/feature-targets').then((m) => m.TARGETS_ROUTES),
      },
      {
        path: 'tasks',
        canActivate: [requirePermission('task:read')],
        loadChildren: () => import('@efficacy/console/feature-tasks').then((m) => m.TASKS_ROUTES),
      },
      {
        path: 'bulletins',
        canActivate: [requirePermission('bulletin:read')],
        loadChildren: () =>
          import('@efficacy/console/feature-bulletins').then((m) => m.BULLETINS_ROUTES),
      },
      {
        path: 'cases',
        canActivate: [requirePermission('import:read')],
        loadChildren: () => import('@efficacy/console/feature-cases').then((m) => m.CASES_ROUTES),
      },
      {
        path: 'imports',
        canActivate: [requirePermission('import:read')],
        loadChildren: () =>
          import('@efficacy/console/feature-imports').then((m) => m.IMPORTS_ROUTES),
      },
      {
        path: 'registry',
        loadChildren: () =>
          import('@efficacy/console/feature-registry').then((m) => m.REGISTRY_ROUTES),
      },
      {
        path: 'adapters',
        canActivate: [requirePermission('adapter:read')],
        loadChildren: () =>
          import('@efficacy/console/feature-adapters').then((m) => m.ADAPTERS_ROUTES),
      },
      {
        path: 'no-access',
        loadComponent: () => import('./status/no-access.page').then((m) => m.NoAccessPage),
      },
      {
        path: '**',
        loadComponent: () => import('./status/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
