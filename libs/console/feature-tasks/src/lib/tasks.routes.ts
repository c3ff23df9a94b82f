import { Routes } from '@angular/router';
import { requirePermission } from '@efficacy/console/core';

/** Rectification tasks: inboxes, new (prefilled), bulk, city view, calendar, and one task. */
export const TASKS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./inbox/tasks-inbox.page').then((m) => m.TasksInboxPage),
  },
  {
    path: 'new',
    canActivate: [requirePermission('task:open')],
    loadComponent: () => import('./new/new-task.page').then((m) => m.NewTaskPage),
  },
  {
    path: 'bulk',
    canActivate: [requirePermission('task:open')],
    loadComponent: () => import('./bulk/bulk-open.page').then((m) => m.BulkOpenPage),
  },
  {
    path: 'city',
    loadComponent: () => import('./city/city-view.page').then((m) => m.CityViewPage),
  },
  {
    path: 'calendar',
    loadComponent: () => import('./calendar/calendar.page').then((m) => m.CalendarPage),
  },
  {
    path: ':id',
    loadComponent: () => import('./detail/task-detail.page').then((m) => m.TaskDetailPage),
  },
];
