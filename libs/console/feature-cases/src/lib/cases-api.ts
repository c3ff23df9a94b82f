import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseImportSummary, CaseUploadResult } from '@efficacy/api-contract';
import { ApiClient } from '@efficacy/console/core';
import type { Observable } from 'rxjs';

/** /api/cases: upload with progress events, then poll the import the job runs. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  upload(file: File, region: string): Observable<HttpEvent<CaseUploadResult>> {
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('region', region);
    return this.http.post<CaseUploadResult>(this.api.url('/cases/imports'), form, {
      reportProgress: true,
      observe: 'events',
    });
  }

  list(): Observable<CaseImportSummary[]> {
    return this.http.get<CaseImportSummary[]>(this.api.url('/cases/imports'));
  }

  get(id: string): Observable<CaseImportSummary> {
    return this.http.get<CaseImportSummary>(
      this.api.url(`/cases/imports/${encodeURIComponent(id)}`),
    );
  }
}
