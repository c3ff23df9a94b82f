import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulletinSummary,
  CaseImportSummary,
  TaskInbox,
  TaskSummary,
} from '@efficacy/api-contract';
import { ApiClient } from '@efficacy/console/core';
import type { Observable } from 'rxjs';

/** The reads behind the workbench that no shared data-access service offers. */
@Injectable({ providedIn: 'root' })
export class WorkbenchApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  tasks(inbox: TaskInbox): Observable<TaskSummary[]> {
    return this.http.get<TaskSummary[]>(this.api.url('/tasks'), {
      params: new HttpParams().set('inbox', inbox),
    });
  }

  bulletins(region: string): Observable<BulletinSummary[]> {
    return this.http.get<BulletinSummary[]>(this.api.url('/bulletins'), {
      params: new HttpParams().set('region', region),
    });
  }

  caseImports(): Observable<CaseImportSummary[]> {
    return this.http.get<CaseImportSummary[]>(this.api.url('/cases/imports'));
  }
}
