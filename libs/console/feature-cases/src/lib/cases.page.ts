import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { HttpEventType } from '@angular/common/http';
import { DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { CaseImportSummary } from '@efficacy/api-contract';
import { RegistryApi, SessionService, describeApiError } from '@efficacy/console/core';
import { regionNameMap } from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CasesApi } from './cases-api';

/** Where the page remembers the import it follows, so leaving and coming back resumes it. */
export const ACTIVE_IMPORT_KEY = 'efficacy.cases.activeImport';
const POLL_MS = 1000;

/** 办件导入: upload a case export, watch upload and processing, see past imports. */
@Component({
  selector: 'eff-cases-page',
  imports: [
    TranslatePipe,
    DecimalPipe,
    FormsModule,
    NzCardModule,
    NzAlertModule,
    NzButtonModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './cases.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasesPage implements OnInit {
  private readonly cases = inject(CasesApi);
  private readonly session = inject(SessionService);
  private readonly registry = inject(RegistryApi);
  private readonly destroyRef = inject(DestroyRef);
  private destroyed = false;

  protected readonly canUpload = computed(() => this.session.can('import:commit'));
  protected readonly regions = computed(() => this.session.me()?.scope.regions ?? []);
  protected readonly region = signal<string>('');
  /** Region names for the history, from the region tree in scope (codes until it arrives). */
  private readonly regionNames = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly file = signal<File | null>(null);
  /** 0–100 while the browser sends the file; null when no upload is running. */
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly active = signal<CaseImportSummary | null>(null);
  protected readonly history = signal<CaseImportSummary[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly running = computed(() => {
    const a = this.active();
    return a !== null && (a.status === 'queued' || a.status === 'running');
  });

  constructor() {
    this.destroyRef.onDestroy(() => (this.destroyed = true));
    this.registry.regions().subscribe({
      next: (tree) => this.regionNames.set(regionNameMap(tree)),
      error: () => undefined,
    });
  }

  protected regionName(code: string): string {
    return this.regionNames().get(code) ?? code;
  }

  async ngOnInit(): Promise<void> {
    const first = this.regions()[0];
    if (first) this.region.set(first.code);
    await this.refreshHistory();
    const remembered = localStorage.getItem(ACTIVE_IMPORT_KEY);
    if (remembered) await this.follow(remembered);
  }

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file || !this.region()) return;
    this.error.set(null);
    this.uploadPercent.set(0);
    try {
      const done = await new Promise<string>((resolve, reject) => {
        this.cases.upload(file, this.region()).subscribe({
          next: (event) => {
            if (event.type === HttpEventType.UploadProgress && event.total)
              this.uploadPercent.set(Math.floor((event.loaded / event.total) * 100));
            if (event.type === HttpEventType.Response && event.body) resolve(event.body.import.id);
          },
          error: reject,
        });
      });
      this.uploadPercent.set(100);
      localStorage.setItem(ACTIVE_IMPORT_KEY, done);
      await this.follow(done);
    } catch (error) {
      this.error.set(describeApiError(error).message);
    } finally {
      this.uploadPercent.set(null);
    }
  }

  /** Polls the import until its job has finished; stops when the user leaves the page. */
  private async follow(id: string): Promise<void> {
    for (;;) {
      if (this.destroyed) return;
      let current: CaseImportSummary;
      try {
        current = await firstValueFrom(this.cases.get(id));
      } catch {
        localStorage.removeItem(ACTIVE_IMPORT_KEY);
        this.active.set(null);
        return;
      }
      this.active.set(current);
      if (current.status === 'done' || current.status === 'failed') {
        localStorage.removeItem(ACTIVE_IMPORT_KEY);
        await this.refreshHistory();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async refreshHistory(): Promise<void> {
    try {
      this.history.set(await firstValueFrom(this.cases.list()));
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }
}
