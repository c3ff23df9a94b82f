import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulletinDetail,
  BulletinDocument,
  BulletinFormat,
  BulletinOffice,
  BulletinOfficeSettings,
  BulletinStatus,
  BulletinSummary,
  BulletinTemplateVersion,
  BulletinTemplates,
} from '@efficacy/api-contract';
import { ApiClient } from '@efficacy/console/core';
import { Observable } from 'rxjs';

/** /api/bulletins: compose, draft, publish, errata, files and the narrative templates. */
@Injectable({ providedIn: 'root' })
export class BulletinsApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  preview(region: string, period: string): Observable<BulletinDocument> {
    return this.http.post<BulletinDocument>(this.api.url('/bulletins/preview'), {
      region,
      period,
    });
  }

  draft(region: string, period: string): Observable<BulletinDetail> {
    return this.http.post<BulletinDetail>(this.api.url('/bulletins'), { region, period });
  }

  list(query: { region?: string; status?: BulletinStatus } = {}): Observable<BulletinSummary[]> {
    let params = new HttpParams();
    if (query.region) params = params.set('region', query.region);
    if (query.status) params = params.set('status', query.status);
    return this.http.get<BulletinSummary[]>(this.api.url('/bulletins'), { params });
  }

  get(id: string): Observable<BulletinDetail> {
    return this.http.get<BulletinDetail>(this.api.url(`/bulletins/${encodeURIComponent(id)}`));
  }

  publish(id: string): Observable<BulletinDetail> {
    return this.http.post<BulletinDetail>(
      this.api.url(`/bulletins/${encodeURIComponent(id)}/publish`),
      {},
    );
  }

  erratum(id: string, reason: string): Observable<BulletinDetail> {
    return this.http.post<BulletinDetail>(
      this.api.url(`/bulletins/${encodeURIComponent(id)}/errata`),
      { reason },
    );
  }

  /** The API audits every download. */
  file(id: string, format: BulletinFormat): Observable<Blob> {
    return this.http.get(this.api.url(`/bulletins/${encodeURIComponent(id)}/files/${format}`), {
      responseType: 'blob',
    });
  }

  templates(region: string): Observable<BulletinTemplateVersion> {
    return this.http.get<BulletinTemplateVersion>(
      this.api.url(`/bulletins/templates/${encodeURIComponent(region)}`),
    );
  }

  saveTemplates(region: string, templates: BulletinTemplates): Observable<BulletinTemplateVersion> {
    return this.http.put<BulletinTemplateVersion>(
      this.api.url(`/bulletins/templates/${encodeURIComponent(region)}`),
      templates,
    );
  }

  office(region: string): Observable<BulletinOfficeSettings> {
    return this.http.get<BulletinOfficeSettings>(
      this.api.url(`/bulletins/office/${encodeURIComponent(region)}`),
    );
  }

  saveOffice(region: string, office: BulletinOffice): Observable<BulletinOfficeSettings> {
    return this.http.put<BulletinOfficeSettings>(
      this.api.url(`/bulletins/office/${encodeURIComponent(region)}`),
      office,
    );
  }
}
