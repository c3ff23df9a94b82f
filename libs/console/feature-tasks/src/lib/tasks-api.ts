import { HttpClient, HttpParams, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulkOpenRequest,
  BulkOpenResult,
  CalendarCoverage,
  CalendarEntry,
  CityViewRow,
  LoadCalendarNoticeRequest,
  LoadCalendarNoticeResult,
  OpenTaskRequest,
  RegionReminderPolicy,
  ReminderPolicy,
  TaskDetail,
  TaskEvidence,
  TaskInbox,
  TaskState,
  TaskSummary,
} from '@efficacy/api-contract';
import { ApiClient } from '@efficacy/console/core';
import { map, type Observable } from 'rxjs';

/** The endpoint of each action a user can take on a task. */
export const ACTION_PATH = {
  assign: 'assign',
  acknowledge: 'acknowledge',
  start: 'start',
  submit: 'submit',
  sign_off: 'sign-off',
  return: 'return',
  verify: 'verify',
  request_extension: 'extension',
  grant_extension: 'extension/grant',
  refuse_extension: 'extension/refuse',
  cancel: 'cancel',
} as const;

export type ActionBody = { reason?: string; report?: string; until?: string };

function params(values: Record<string, string | undefined>): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(values)) if (value) p = p.set(key, value);
  return p;
}

/** Typed access to /api/tasks and /api/calendar. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  /** The first page of the matching tasks (the API's largest), and how many match in all. */
  list(
    query: { inbox?: TaskInbox; state?: TaskState; region?: string } = {},
  ): Observable<{ items: TaskSummary[]; total: number }> {
    return this.http
      .get<TaskSummary[]>(this.api.url('/tasks'), { params: params(query), observe: 'response' })
      .pipe(
        map((res) => {
          const items = res.body ?? [];
          const total = Number(res.headers.get('x-total-count') ?? items.length);
          return { items, total: Number.isFinite(total) ? total : items.length };
        }),
      );
  }

  get(id: string): Observable<TaskDetail> {
    return this.http.get<TaskDetail>(this.api.url(`/tasks/${encodeURIComponent(id)}`));
  }

  open(request: OpenTaskRequest): Observable<TaskDetail> {
    return this.http.post<TaskDetail>(this.api.url('/tasks'), request);
  }

  bulk(request: BulkOpenRequest): Observable<BulkOpenResult> {
    return this.http.post<BulkOpenResult>(this.api.url('/tasks/bulk'), request);
  }

  act(id: string, action: keyof typeof ACTION_PATH, body: ActionBody): Observable<TaskDetail> {
    return this.http.post<TaskDetail>(
      this.api.url(`/tasks/${encodeURIComponent(id)}/${ACTION_PATH[action]}`),
      body,
    );
  }

  upload(id: string, file: File): Observable<TaskEvidence> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<TaskEvidence>(
      this.api.url(`/tasks/${encodeURIComponent(id)}/evidence`),
      form,
    );
  }

  /** The same upload, with progress events for the page's progress bar. */
  uploadWithProgress(id: string, file: File): Observable<HttpEvent<TaskEvidence>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<TaskEvidence>(
      this.api.url(`/tasks/${encodeURIComponent(id)}/evidence`),
      form,
      { reportProgress: true, observe: 'events' },
    );
  }

  evidence(id: string, evidenceId: string): Observable<Blob> {
    return this.http.get(
      this.api.url(`/tasks/${encodeURIComponent(id)}/evidence/${encodeURIComponent(evidenceId)}`),
      { responseType: 'blob' },
    );
  }

  overview(region?: string): Observable<CityViewRow[]> {
    return this.http.get<CityViewRow[]>(this.api.url('/tasks/overview'), {
      params: params({ region }),
    });
  }

  policy(region: string): Observable<RegionReminderPolicy> {
    return this.http.get<RegionReminderPolicy>(this.api.url('/tasks/reminder-policy'), {
      params: params({ region }),
    });
  }

  setPolicy(region: string, policy: ReminderPolicy): Observable<RegionReminderPolicy> {
    return this.http.put<RegionReminderPolicy>(this.api.url('/tasks/reminder-policy'), policy, {
      params: params({ region }),
    });
  }

  calendar(year: number): Observable<CalendarEntry[]> {
    return this.http.get<CalendarEntry[]>(this.api.url('/calendar'), {
      params: params({ year: String(year) }),
    });
  }

  coverage(): Observable<CalendarCoverage> {
    return this.http.get<CalendarCoverage>(this.api.url('/calendar/coverage'));
  }

  loadNotice(request: LoadCalendarNoticeRequest): Observable<LoadCalendarNoticeResult> {
    return this.http.post<LoadCalendarNoticeResult>(this.api.url('/calendar/notices'), request);
  }

  putCalendarDay(entry: {
    date: string;
    kind: 'holiday' | 'workday';
    name: string;
    regionPrefix?: string;
  }): Observable<CalendarEntry> {
    return this.http.put<CalendarEntry>(this.api.url('/calendar/days'), entry);
  }

  deleteCalendarDay(date: string, regionPrefix: string): Observable<CalendarEntry> {
    return this.http.delete<CalendarEntry>(this.api.url('/calendar/days'), {
      params: params({ date, ...(regionPrefix ? { regionPrefix } : {}) }),
    });
  }
}
