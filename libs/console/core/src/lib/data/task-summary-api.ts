import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CityViewRow } from '@efficacy/api-contract';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** The rectification-task counts other pages show beside their figures (the overview's reminders). */
@Injectable({ providedIn: 'root' })
export class TaskSummaryApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  /** Open, overdue and red-escalated tasks per region below `region`. */
  byRegion(region: string): Observable<CityViewRow[]> {
    return this.http.get<CityViewRow[]>(this.api.url('/tasks/overview'), {
      params: new HttpParams().set('region', region),
    });
  }
}
