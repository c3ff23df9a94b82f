import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type {
  Assessment,
  Explanation,
  RegionDetail,
  RegionNode,
  Subject,
  UnitDetail,
} from '@efficacy/api-contract';
import {
  LanguageService,
  PeriodPreference,
  RegistryApi,
  describeApiError,
  saveBlob,
  type ApiFailure,
  SessionService,
} from '@efficacy/console/core';
import {
  AssessmentMatrix,
  PageState,
  PeriodPicker,
  periodLabel,
  regionNameMap,
} from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzMessageService } from 'ng-zorro-antd/message';
import { detailRows } from './detail-rows';
import { IndicatorTable } from './indicator-table/indicator-table';
import { ExplainDrawer } from './explain-drawer/explain-drawer';

interface Loaded {
  readonly subject: Subject;
  readonly name: string;
  readonly kindLabel: string;
  /** Root first, then down to the parent; links only for regions in scope. */
  readonly trail: ReadonlyArray<{ code: string; nameZh: string; inScope: boolean }>;
  readonly own: Assessment;
  readonly parent: Assessment | null;
  readonly region: RegionDetail;
}

/** 地区 / 单位详情: every indicator with its target, gap, rank and changes; drill down; export. */
@Component({
  selector: 'eff-detail-page',
  imports: [
    RouterLink,
    TranslatePipe,
    AssessmentMatrix,
    PageState,
    PeriodPicker,
    IndicatorTable,
    ExplainDrawer,
    NzCardModule,
    NzBreadCrumbModule,
    NzButtonModule,
    NzIconModule,
    NzSkeletonModule,
    NzTagModule,
  ],
  templateUrl: './detail.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DetailPage {
  private readonly registry = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly periods = inject(PeriodPreference);
  private readonly translate = inject(TranslateService);
  private readonly message = inject(NzMessageService);
  protected readonly language = inject(LanguageService);
  private readonly session = inject(SessionService);

  /** Route data and parameters (router input binding). */
  readonly kind = input<'region' | 'unit'>('region');
  readonly code = input<string | undefined>();
  readonly id = input<string | undefined>();
  readonly period = input<string | undefined>();
  readonly explain = input<string | undefined>();

  protected readonly loaded = signal<Loaded | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly exporting = signal(false);
  private readonly tree = signal<RegionNode[]>([]);
  protected readonly regionNames = computed(() => regionNameMap(this.tree()));
  /** Shortfalls link to a prefilled new task for those who open tasks. */
  protected readonly taskLink = computed(() => {
    const l = this.loaded();
    const period = this.period();
    if (!l || !period || !this.session.can('task:open')) return null;
    return l.subject.kind === 'unit'
      ? { unit: l.subject.id, region: l.subject.id.split(':')[0], period }
      : { region: (l.subject as { code: string }).code, period };
  });

  protected readonly rows = computed(() => {
    const l = this.loaded();
    return l ? detailRows(l.subject, l.own, l.parent) : [];
  });
  protected readonly hasChildren = computed(() => {
    const l = this.loaded();
    return l?.subject.kind === 'region' && l.own.indicators.some((i) => i.children.length > 0);
  });

  protected readonly explaining = signal<string | null>(null);
  protected readonly explanation = signal<Explanation | null>(null);
  protected readonly explainFailure = signal<ApiFailure | null>(null);
  protected readonly explainLoading = signal(false);

  constructor() {
    this.registry.regions().subscribe({ next: (r) => this.tree.set(r), error: () => undefined });
    effect(() => {
      const kind = this.kind();
      const key = kind === 'unit' ? this.id() : this.code();
      const period = this.period();
      untracked(() => {
        if (!period) void this.choosePeriod();
        else if (key) void this.load(kind, key, period);
      });
    });
  }

  private async choosePeriod(): Promise<void> {
    this.navigatePeriod(await this.periods.initial());
  }

  protected navigatePeriod(period: string): void {
    void this.router.navigate([], {
      queryParams: { period },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected retry(): void {
    const key = this.kind() === 'unit' ? this.id() : this.code();
    const period = this.period();
    if (key && period) void this.load(this.kind(), key, period);
  }

  private async load(kind: 'region' | 'unit', key: string, period: string): Promise<void> {
    this.loaded.set(null);
    this.failure.set(null);
    this.periods.remember(period);
    try {
      const loaded =
        kind === 'unit' ? await this.loadUnit(key, period) : await this.loadRegion(key, period);
      if (this.period() !== period) return;
      this.loaded.set(loaded);
      const explain = this.explain();
      if (explain) void this.openExplain(explain);
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }

  private async loadRegion(code: string, period: string): Promise<Loaded> {
    const [region, own] = await Promise.all([
      firstValueFrom(this.registry.region(code)),
      firstValueFrom(this.registry.assessment(code, period)),
    ]);
    const parentRef = region.ancestors[0];
    const parent =
      parentRef?.inScope === true
        ? await firstValueFrom(this.registry.assessment(parentRef.code, period)).catch(() => null)
        : null;
    return {
      subject: { kind: 'region', code },
      name: region.nameZh,
      kindLabel: `level.${region.level}`,
      trail: [...region.ancestors].reverse(),
      own,
      parent,
      region,
    };
  }

  private async loadUnit(id: string, period: string): Promise<Loaded> {
    const unit: UnitDetail = await firstValueFrom(this.registry.unit(id));
    const [region, own] = await Promise.all([
      firstValueFrom(this.registry.region(unit.regionCode)),
      firstValueFrom(this.registry.assessment(unit.regionCode, period)),
    ]);
    return {
      subject: { kind: 'unit', id },
      name: unit.nameZh,
      kindLabel: `unitKind.${unit.kind}`,
      trail: [
        ...[...region.ancestors].reverse(),
        { code: region.code, nameZh: region.nameZh, inScope: true },
      ],
      own,
      parent: null,
      region,
    };
  }

  protected openSubject(subject: Subject, explain?: string): void {
    const path = ['/detail', subject.kind, subject.kind === 'region' ? subject.code : subject.id];
    const period = this.period();
    void this.router.navigate(path, { queryParams: explain ? { period, explain } : { period } });
  }

  protected openCell(cell: { subject: Subject; indicator: string }): void {
    this.openSubject(cell.subject, cell.indicator);
  }

  protected async openExplain(indicator: string): Promise<void> {
    const l = this.loaded();
    const period = this.period();
    if (!l || !period) return;
    this.explaining.set(indicator);
    this.explanation.set(null);
    this.explainFailure.set(null);
    this.explainLoading.set(true);
    const target =
      l.subject.kind === 'region'
        ? { region: l.subject.code }
        : { unit: (l.subject as { id: string }).id };
    try {
      this.explanation.set(
        await firstValueFrom(this.registry.explanation(target, period, indicator)),
      );
    } catch (error) {
      this.explainFailure.set(describeApiError(error));
    } finally {
      this.explainLoading.set(false);
    }
  }

  protected closeExplain(): void {
    this.explaining.set(null);
    if (this.explain()) {
      void this.router.navigate([], {
        queryParams: { explain: null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    }
  }

  protected retryExplain(): void {
    const indicator = this.explaining();
    if (indicator) void this.openExplain(indicator);
  }

  protected periodText(): string {
    const l = this.loaded();
    if (!l) return '';
    return this.language.current() === 'en' ? l.own.periodLabelEn : l.own.periodLabelZh;
  }

  protected async export(): Promise<void> {
    const l = this.loaded();
    const period = this.period();
    if (!l || !period) return;
    this.exporting.set(true);
    try {
      const { annexBlob } = await import('./export/annex-workbook');
      const place = `${l.name}${periodLabel(period, 'zh-CN')}`;
      const fileName = `${place}${this.translate.instant('export.fileSuffix')}.xlsx`;
      const blob = await annexBlob({
        place,
        assessment: l.own,
        subject: l.subject,
        rows: this.rows(),
        regionNames: this.regionNames(),
        t: (key, params) => this.translate.instant(key, params) as string,
      });
      // The file leaves the system only once the API has it in the audit log.
      await firstValueFrom(this.recordExport(l, period, fileName));
      saveBlob(blob, fileName);
    } catch (error) {
      this.message.error(describeApiError(error).message);
    } finally {
      this.exporting.set(false);
    }
  }

  /** Reports the export to the API, which records it in the audit log like a download. */
  private recordExport(l: Loaded, period: string, fileName: string) {
    return this.registry.recordExport({
      format: 'xlsx',
      layout: 'bulletin-annex',
      ...(l.subject.kind === 'region'
        ? { region: l.subject.code }
        : { unit: (l.subject as { id: string }).id }),
      period,
      indicators: l.own.indicators.map((i) => i.code),
      rows: this.rows().length,
      fileName,
    });
  }
}
