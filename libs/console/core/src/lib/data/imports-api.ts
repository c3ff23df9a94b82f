import { HttpClient, HttpParams, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdapterListItem,
  ImportCommitResult,
  ImportDetail,
  ImportOptions,
  ImportPreview,
  ImportRollbackResult,
  ImportStatus,
  ImportSummary,
} from '@efficacy/api-contract';
import { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

export interface ImportListQuery {
  readonly region?: string;
  readonly status?: ImportStatus;
  readonly adapter?: string;
  readonly limit?: number;
}

/** The import pipeline: preview, commit, history, rollback, the original file, and adapters. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  preview(file: File, options: ImportOptions = {}): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(
      this.api.url('/imports/preview'),
      uploadForm(file, options),
    );
  }

  /** The same preview, with upload progress events (files run to 20 MB). */
  previewWithProgress(
    file: File,
    options: ImportOptions = {},
  ): Observable<HttpEvent<ImportPreview>> {
    return this.http.post<ImportPreview>(
      this.api.url('/imports/preview'),
      uploadForm(file, options),
      {
        reportProgress: true,
        observe: 'events',
      },
    );
  }

  commit(file: File, options: ImportOptions = {}): Observable<ImportCommitResult> {
    return this.http.post<ImportCommitResult>(this.api.url('/imports'), uploadForm(file, options));
  }

  list(query: ImportListQuery = {}): Observable<ImportSummary[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<ImportSummary[]>(this.api.url('/imports'), { params });
  }

  get(id: string): Observable<ImportDetail> {
    return this.http.get<ImportDetail>(this.api.url(`/imports/${encodeURIComponent(id)}`));
  }

  /** The file as uploaded (the API audits every download). */
  file(id: string): Observable<Blob> {
    return this.http.get(this.api.url(`/imports/${encodeURIComponent(id)}/file`), {
      responseType: 'blob',
    });
  }

  rollback(id: string, reason: string): Observable<ImportRollbackResult> {
    return this.http.post<ImportRollbackResult>(
      this.api.url(`/imports/${encodeURIComponent(id)}/rollback`),
      reason.trim() ? { reason: reason.trim() } : {},
    );
  }

  adapters(): Observable<AdapterListItem[]> {
    return this.http.get<AdapterListItem[]>(this.api.url('/adapters'));
  }
}

/** The multipart body the API reads: the file plus optional context fields. */
export function uploadForm(file: File, options: ImportOptions): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  if (options.adapter) form.append('adapter', options.adapter);
  if (options.reportKind) form.append('reportKind', options.reportKind);
  if (options.period) form.append('period', options.period);
  if (options.year !== undefined && options.year !== null)
    form.append('year', String(options.year));
  if (options.region) form.append('region', options.region);
  if (options.confirmed && Object.keys(options.confirmed).length > 0)
    form.append('confirmed', JSON.stringify(options.confirmed));
  return form;
}
