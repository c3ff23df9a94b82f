import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    loadChildren: () => import('@efficacy/console/feature-shell').then((m) => m.SHELL_ROUTES),
  },
];
