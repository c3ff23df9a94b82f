import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { HttpEventType, type HttpResponse } from '@angular/common/http';
import { filter, firstValueFrom, lastValueFrom, map, tap } from 'rxjs';
import type {
  AdapterListItem,
  ImportCommitResult,
  ImportPreview,
  ImportSummary,
  RegionNode,
  UnitListItem,
} from '@efficacy/api-contract';
import {
  ImportsApi,
  RegistryApi,
  SessionService,
  describeApiError,
  describeBlobError,
  saveBlob,
  uploadRefusal,
  type ApiFailure,
} from '@efficacy/console/core';
import { PageState, regionNameMap } from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzMessageService } from 'ng-zorro-antd/message';
import { ImportForm, type PreviewRequest } from './import-form/import-form';
import { PreviewReport } from './preview-report/preview-report';
import { ImportHistory, type RollbackRequest } from './import-history/import-history';

/** 数据导入: upload a province's export, check the dry run, import it, and keep the history. */
@Component({
  selector: 'eff-imports-page',
  imports: [
    TranslatePipe,
    PageState,
    ImportForm,
    PreviewReport,
    ImportHistory,
    NzCardModule,
    NzAlertModule,
    NzResultModule,
    NzButtonModule,
    NzIconModule,
    NzSkeletonModule,
    NzProgressModule,
  ],
  templateUrl: './imports.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPage implements OnInit {
  private readonly imports = inject(ImportsApi);
  private readonly registry = inject(RegistryApi);
  private readonly session = inject(SessionService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly form = viewChild(ImportForm);
  private readonly history = viewChild(ImportHistory);

  protected readonly canPreview = computed(() => this.session.can('import:preview'));
  protected readonly canCommit = computed(() => this.session.can('import:commit'));
  protected readonly canRollback = computed(() => this.session.can('import:rollback'));

  protected readonly adapters = signal<AdapterListItem[]>([]);
  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNames = computed(() => regionNameMap(this.regions()));
  protected readonly reportKindNames = computed(
    () =>
      new Map(
        this.adapters().flatMap((a) =>
          a.manifest.reportKinds.map((k) => [k.id, k.name.zh] as const),
        ),
      ),
  );

  protected readonly list = signal<ImportSummary[]>([]);
  protected readonly listLoading = signal(true);
  protected readonly listFailure = signal<ApiFailure | null>(null);

  private request: PreviewRequest | null = null;
  protected readonly previewing = signal(false);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly previewFailure = signal<ApiFailure | null>(null);
  /** 0–100 while the file is on its way to the preview; null otherwise. */
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly previewRefusal = computed(() => {
    const f = this.previewFailure();
    return f ? uploadRefusal(f) : null;
  });
  protected readonly commitRefusal = computed(() => {
    const f = this.commitFailure();
    return f ? uploadRefusal(f) : null;
  });
  protected readonly units = signal<UnitListItem[]>([]);

  protected readonly committing = signal(false);
  protected readonly result = signal<ImportCommitResult | null>(null);
  protected readonly commitFailure = signal<ApiFailure | null>(null);
  protected readonly rollingBack = signal(false);

  ngOnInit(): void {
    if (this.session.can('adapter:read')) {
      this.imports
        .adapters()
        .subscribe({ next: (a) => this.adapters.set(a), error: () => undefined });
    }
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    void this.loadHistory();
  }

  protected async loadHistory(): Promise<void> {
    this.listLoading.set(true);
    try {
      this.list.set(await firstValueFrom(this.imports.list({ limit: 100 })));
      this.listFailure.set(null);
    } catch (error) {
      this.listFailure.set(describeApiError(error));
    } finally {
      this.listLoading.set(false);
    }
  }

  protected async runPreview(request: PreviewRequest): Promise<void> {
    this.request = request;
    this.previewing.set(true);
    this.preview.set(null);
    this.previewFailure.set(null);
    this.result.set(null);
    this.commitFailure.set(null);
    try {
      this.uploadPercent.set(0);
      const preview = await lastValueFrom(
        this.imports.previewWithProgress(request.file, request.options).pipe(
          tap((event) => {
            if (event.type === HttpEventType.UploadProgress && event.total)
              this.uploadPercent.set(Math.round((100 * event.loaded) / event.total));
          }),
          filter((event) => event.type === HttpEventType.Response),
          map((event) => (event as HttpResponse<ImportPreview>).body as ImportPreview),
        ),
      );
      this.preview.set(preview);
      // Unit names for the matched rows, and the choices for names that need a person.
      this.registry.units(preview.region.code).subscribe({
        next: (u) => this.units.set(u),
        error: () => this.units.set([]),
      });
    } catch (error) {
      this.previewFailure.set(describeApiError(error));
    } finally {
      this.previewing.set(false);
      this.uploadPercent.set(null);
    }
  }

  protected async runCommit(confirmed: Record<string, string>): Promise<void> {
    const request = this.request;
    if (!request) return;
    this.committing.set(true);
    this.commitFailure.set(null);
    try {
      const result = await firstValueFrom(
        this.imports.commit(request.file, { ...request.options, confirmed }),
      );
      this.result.set(result);
      this.preview.set(null);
      this.request = null;
      this.form()?.reset();
      await this.loadHistory();
    } catch (error) {
      this.commitFailure.set(describeApiError(error));
    } finally {
      this.committing.set(false);
    }
  }

  protected discard(): void {
    this.preview.set(null);
    this.previewFailure.set(null);
    this.commitFailure.set(null);
  }

  protected startOver(): void {
    this.result.set(null);
    this.discard();
  }

  protected async download(row: ImportSummary): Promise<void> {
    try {
      saveBlob(await firstValueFrom(this.imports.file(row.id)), row.fileName);
    } catch (error) {
      this.message.error((await describeBlobError(error)).message);
    }
  }

  protected async rollback(request: RollbackRequest): Promise<void> {
    this.rollingBack.set(true);
    try {
      await firstValueFrom(this.imports.rollback(request.id, request.reason));
      this.history()?.close();
      this.message.success(this.translate.instant('imports.rolledBack'));
      await this.loadHistory();
    } catch (error) {
      this.message.error(describeApiError(error).message);
    } finally {
      this.rollingBack.set(false);
    }
  }
}
