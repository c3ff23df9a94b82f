import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type {
  BulletinDocument,
  BulletinFormat,
  BulletinOffice,
  BulletinOfficeSettings,
  BulletinSummary,
  BulletinTemplateVersion,
  BulletinTemplates,
  RegionNode,
} from '@efficacy/api-contract';
import {
  PeriodPreference,
  RegistryApi,
  SessionService,
  describeApiError,
  describeBlobError,
  saveBlob,
  type ApiFailure,
} from '@efficacy/console/core';
import { PageState, RegionPeriodHeader } from '@efficacy/console/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { BulletinsApi } from './bulletins-api';
import { BulletinPreview } from './bulletin-preview/bulletin-preview';
import { OfficeSettingsForm } from './office-settings/office-settings';
import { TemplateEditor } from './template-editor/template-editor';

/** 通报: preview from the figures, edit the narrative, draft, publish (frozen), download, errata. */
@Component({
  selector: 'eff-bulletins-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    FormsModule,
    TranslatePipe,
    PageState,
    RegionPeriodHeader,
    BulletinPreview,
    TemplateEditor,
    OfficeSettingsForm,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  templateUrl: './bulletins.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulletinsPage implements OnInit {
  private readonly bulletins = inject(BulletinsApi);
  private readonly registry = inject(RegistryApi);
  private readonly session = inject(SessionService);
  private readonly periods = inject(PeriodPreference);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  /** Query parameters: ?region=640106&period=2022-01..2022-08 */
  readonly region = input<string | undefined>();
  readonly period = input<string | undefined>();

  protected readonly canDraft = computed(() => this.session.can('bulletin:draft'));
  protected readonly canPublish = computed(() => this.session.can('bulletin:publish'));

  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly regionCode = signal<string | null>(null);
  protected readonly periodValue = signal<string | null>(null);

  protected readonly document = signal<BulletinDocument | null>(null);
  protected readonly shownId = signal<string | null>(null);
  protected readonly previewing = signal(false);
  protected readonly previewFailure = signal<ApiFailure | null>(null);
  protected readonly drafting = signal(false);

  protected readonly list = signal<BulletinSummary[]>([]);
  protected readonly listFailure = signal<ApiFailure | null>(null);
  protected readonly listLoading = signal(true);
  protected readonly busy = signal<string | null>(null);

  protected readonly templates = signal<BulletinTemplateVersion | null>(null);
  protected readonly savingTemplates = signal(false);
  protected readonly office = signal<BulletinOfficeSettings | null>(null);
  protected readonly savingOffice = signal(false);
  /** The tab shown: the office settings open first while they are incomplete. */
  protected readonly tab = signal(0);

  protected readonly erratumFor = signal<BulletinSummary | null>(null);
  protected erratumReason = '';

  /** Errata are listed under the bulletin they correct. */
  protected readonly rows = computed(() => this.list().filter((b) => !b.correctsId));
  protected readonly byId = computed(() => new Map(this.list().map((b) => [b.id, b])));

  constructor() {
    effect(() => {
      const region = this.regionCode();
      untracked(() => {
        if (region) {
          void this.loadTemplates(region);
          void this.loadOffice(region);
        }
      });
    });
  }

  ngOnInit(): void {
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    this.regionCode.set(this.region() ?? this.session.me()?.scope.regions[0]?.code ?? null);
    const period = this.period();
    if (period) this.periodValue.set(period);
    else void this.periods.initial().then((p) => this.periodValue.set(p));
    void this.loadList();
  }

  protected async loadList(): Promise<void> {
    this.listLoading.set(true);
    try {
      this.list.set(await firstValueFrom(this.bulletins.list()));
      this.listFailure.set(null);
    } catch (error) {
      this.listFailure.set(describeApiError(error));
    } finally {
      this.listLoading.set(false);
    }
  }

  private async loadTemplates(region: string): Promise<void> {
    try {
      this.templates.set(await firstValueFrom(this.bulletins.templates(region)));
    } catch {
      this.templates.set(null);
    }
  }

  private async loadOffice(region: string): Promise<void> {
    try {
      const settings = await firstValueFrom(this.bulletins.office(region));
      this.office.set(settings);
      if (settings.missing.length > 0 && this.canDraft()) this.tab.set(2);
    } catch {
      this.office.set(null);
    }
  }

  protected async saveOffice(office: BulletinOffice): Promise<void> {
    const region = this.regionCode();
    if (!region) return;
    this.savingOffice.set(true);
    try {
      this.office.set(await firstValueFrom(this.bulletins.saveOffice(region, office)));
      this.message.success(this.translate.instant('bulletins.office.saved'));
      this.tab.set(0);
      if (this.document()) await this.preview();
    } catch (error) {
      this.message.error(describeApiError(error).message);
    } finally {
      this.savingOffice.set(false);
    }
  }

  protected async preview(): Promise<void> {
    const region = this.regionCode();
    const period = this.periodValue();
    if (!region || !period) return;
    this.previewing.set(true);
    this.previewFailure.set(null);
    this.tab.set(0);
    try {
      this.document.set(await firstValueFrom(this.bulletins.preview(region, period)));
      this.shownId.set(null);
      this.periods.remember(period);
    } catch (error) {
      this.document.set(null);
      this.previewFailure.set(describeApiError(error));
    } finally {
      this.previewing.set(false);
    }
  }

  protected async draft(): Promise<void> {
    const region = this.regionCode();
    const period = this.periodValue();
    if (!region || !period) return;
    this.drafting.set(true);
    try {
      const saved = await firstValueFrom(this.bulletins.draft(region, period));
      this.document.set(saved.document);
      this.shownId.set(saved.id);
      this.message.success(this.translate.instant('bulletins.drafted', { title: saved.title }));
      await this.loadList();
    } catch (error) {
      this.message.error(describeApiError(error).message);
    } finally {
      this.drafting.set(false);
    }
  }

  protected async show(row: BulletinSummary): Promise<void> {
    try {
      const detail = await firstValueFrom(this.bulletins.get(row.id));
      this.document.set(detail.document);
      this.shownId.set(detail.id);
    } catch (error) {
      this.message.error(describeApiError(error).message);
    }
  }

  protected async publish(row: BulletinSummary): Promise<void> {
    this.busy.set(row.id);
    try {
      const done = await firstValueFrom(this.bulletins.publish(row.id));
      this.message.success(
        this.translate.instant('bulletins.published', { number: done.documentNumber }),
      );
      if (this.shownId() === row.id) this.document.set(done.document);
      await this.loadList();
    } catch (error) {
      this.message.error(describeApiError(error).message);
    } finally {
      this.busy.set(null);
    }
  }

  protected async download(row: BulletinSummary, format: BulletinFormat): Promise<void> {
    this.busy.set(`${row.id}:${format}`);
    try {
      const blob = await firstValueFrom(this.bulletins.file(row.id, format));
      saveBlob(blob, `${row.documentNumber.replace(/\s/g, '')}-${row.title}.${format}`);
    } catch (error) {
      const failure = await describeBlobError(error);
      // 503 is LibreOffice missing, or a chart the server's fonts cannot draw: say which.
      this.message.error(
        failure.status === 503 && /LibreOffice/.test(failure.message)
          ? this.translate.instant('bulletins.pdfUnavailable')
          : failure.message,
      );
    } finally {
      this.busy.set(null);
    }
  }

  protected openErratum(row: BulletinSummary): void {
    this.erratumReason = '';
    this.erratumFor.set(row);
  }

  protected async submitErratum(): Promise<void> {
    const row = this.erratumFor();
    if (!row) return;
    try {
      const erratum = await firstValueFrom(this.bulletins.erratum(row.id, this.erratumReason));
      this.erratumFor.set(null);
      this.document.set(erratum.document);
      this.shownId.set(erratum.id);
      this.message.success(
        this.translate.instant('bulletins.erratumCreated', { title: erratum.title }),
      );
      await this.loadList();
    } catch (error) {
      this.message.error(describeApiError(error).message);
    }
  }

  protected async saveTemplates(templates: BulletinTemplates): Promise<void> {
    const region = this.regionCode();
    if (!region) return;
    this.savingTemplates.set(true);
    try {
      const saved = await firstValueFrom(this.bulletins.saveTemplates(region, templates));
      this.templates.set(saved);
      this.message.success(this.translate.instant('bulletins.saved', { version: saved.version }));
    } catch (error) {
      this.message.error(describeApiError(error).message);
    } finally {
      this.savingTemplates.set(false);
    }
  }
}
