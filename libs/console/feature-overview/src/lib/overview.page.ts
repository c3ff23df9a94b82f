import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';
import type {
  Assessment,
  CityViewRow,
  HeadlineSet,
  IndicatorAssessment,
  IndicatorSummary,
  Subject,
} from '@efficacy/api-contract';
import {
  LanguageService,
  regionPeriodPage,
  RegistryApi,
  SessionService,
  TaskSummaryApi,
  describeApiError,
  type ApiFailure,
} from '@efficacy/console/core';
import {
  AssessmentMatrix,
  PageState,
  RegionPeriodHeader,
  regionPeriodHeading,
  monthsOfPeriod,
  statusCounts,
} from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { FormsModule } from '@angular/forms';
import { BehindList } from './behind-list/behind-list';
import { HeadlineDialog } from './headlines/headline-dialog';
import { headlineView } from './headlines/headline-view';
import { ChartPanel } from './charts/chart-panel';
import { rankingOption, trendOption, type TrendPoint } from './charts/chart-options';

/** 效能总览: every child region or unit against the headline indicators for a period. */
@Component({
  selector: 'eff-overview-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    AssessmentMatrix,
    PageState,
    RegionPeriodHeader,
    BehindList,
    ChartPanel,
    HeadlineDialog,
    NzCardModule,
    NzGridModule,
    NzSkeletonModule,
    NzEmptyModule,
    NzSelectModule,
    NzStatisticModule,
    NzSegmentedModule,
    NzButtonModule,
    NzAlertModule,
  ],
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.less',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly registry = inject(RegistryApi);
  private readonly taskSummary = inject(TaskSummaryApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  protected readonly language = inject(LanguageService);

  /** Query parameters (router input binding). */
  readonly region = input<string | undefined>();
  readonly period = input<string | undefined>();

  private readonly page = regionPeriodPage(this.region, this.period, (region, period) => {
    void this.load(region, period);
  });
  protected readonly regions = this.page.regions;
  protected readonly regionCode = this.page.regionCode;
  protected readonly navigate = this.page.navigate;
  protected readonly retry = this.page.retry;

  /** The whole assessment, every indicator with a figure or a target. */
  protected readonly full = signal<Assessment | null>(null);
  protected readonly headlines = signal<HeadlineSet | null>(null);
  protected readonly showAll = signal(false);
  protected readonly allIndicators = signal<IndicatorSummary[]>([]);
  protected readonly dialogOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly canConfigure = computed(() => this.session.can('target:write'));
  private readonly view = computed(() =>
    headlineView(this.full(), this.headlines()?.indicators ?? null, this.showAll()),
  );
  /** What the page shows: the headline indicators, or every one when asked. */
  protected readonly assessment = computed(() => this.view().assessment);
  protected readonly heading = computed(() =>
    regionPeriodHeading(this.assessment(), this.language.current()),
  );
  protected readonly headlineFallback = computed(() => this.view().fallback);
  protected readonly hiddenCount = computed(() => this.view().hidden);
  /** Rectification tasks below this region: open, overdue and escalated to red. */
  protected readonly taskRows = signal<CityViewRow[] | null>(null);
  protected readonly taskTotals = computed(() => {
    const rows = this.taskRows();
    if (!rows) return null;
    const sum = (f: (r: CityViewRow) => number) => rows.reduce((n, r) => n + f(r), 0);
    return {
      open: sum((r) => r.open),
      overdue: sum((r) => r.overdue),
      red: sum((r) => r.red),
      late: rows.filter((r) => r.overdue > 0).map((r) => r.regionNameZh),
    };
  });
  protected readonly headlineModes = computed(() => {
    this.language.current();
    const hidden = this.hiddenCount();
    return [
      { value: 'headline', label: this.translate.instant('overview.headlines.headline') },
      {
        value: 'all',
        label:
          this.translate.instant('overview.headlines.all') + (hidden > 0 ? ` (+${hidden})` : ''),
      },
    ];
  });
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly loading = signal(false);
  protected readonly chosenIndicator = signal<string | null>(null);
  protected readonly monthly = signal<
    ReadonlyArray<{ month: string; assessment: Assessment | null }>
  >([]);

  protected readonly counts = computed(() => {
    const a = this.assessment();
    return a ? statusCounts(a) : null;
  });
  protected readonly childCount = computed(() => {
    const a = this.assessment();
    return a ? new Set(a.indicators.flatMap((i) => i.children.map((c) => c.nameZh))).size : 0;
  });
  protected readonly rankable = computed(
    () => this.assessment()?.indicators.filter((i) => i.ranked > 0) ?? [],
  );
  protected readonly indicator = computed<IndicatorAssessment | null>(() => {
    const list = this.rankable();
    return list.find((i) => i.code === this.chosenIndicator()) ?? list[0] ?? null;
  });
  protected readonly ranking = computed(() => {
    const i = this.indicator();
    return i ? rankingOption(i, this.chartLabels()) : null;
  });
  protected readonly rankingHeight = computed(() => {
    const i = this.indicator();
    const bars = i ? i.children.filter((c) => c.value.status === 'number').length : 0;
    return Math.max(220, 48 + bars * 30);
  });
  protected readonly trendPoints = computed<TrendPoint[]>(() => {
    const i = this.indicator();
    if (!i) return [];
    return this.monthly().map(({ month, assessment }) => {
      const row = assessment?.indicators.find((x) => x.code === i.code)?.region;
      return {
        month,
        value: row?.value.status === 'number' ? (row.value.value ?? null) : null,
      };
    });
  });
  protected readonly trend = computed(() => {
    const i = this.indicator();
    const points = this.trendPoints();
    if (!i || points.filter((p) => p.value !== null).length < 2) return null;
    return trendOption(i, points, this.chartLabels());
  });
  /** "2023-01=98.5;2023-02=97.2": the trend's figures as text, for tests and assistive tools. */
  protected readonly trendSummary = computed(() =>
    this.trendPoints()
      .map((p) => `${p.month}=${p.value ?? ''}`)
      .join(';'),
  );
  protected readonly multiMonth = computed(() => monthsOfPeriod(this.period() ?? '').length > 1);

  private readonly chartLabels = computed(() => ({
    target: this.language.current() === 'en' ? 'Target' : '目标',
    language: this.language.current(),
  }));

  constructor() {
    this.registry.indicators().subscribe({
      next: (list) => this.allIndicators.set(list),
      error: () => undefined,
    });
  }

  protected async load(region: string, period: string): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    this.monthly.set([]);
    try {
      const [assessment, headlines] = await Promise.all([
        firstValueFrom(this.registry.assessment(region, period)),
        firstValueFrom(this.registry.headlines(region)).catch(() => null),
      ]);
      this.headlines.set(headlines);
      this.full.set(assessment);
      void this.loadMonths(region, period);
      void this.loadTasks(region);
    } catch (error) {
      this.full.set(null);
      this.failure.set(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  private async loadTasks(region: string): Promise<void> {
    this.taskRows.set(null);
    if (!this.session.can('task:read')) return;
    try {
      this.taskRows.set(await firstValueFrom(this.taskSummary.byRegion(region)));
    } catch {
      // The reminders are a side card: the overview stands without them.
    }
  }

  /** Month-by-month figures, for a trend when the data has several months. */
  private async loadMonths(region: string, period: string): Promise<void> {
    const months = monthsOfPeriod(period);
    if (months.length < 2) return;
    const results = await firstValueFrom(
      forkJoin(
        months.map((month) =>
          this.registry.assessment(region, month).pipe(
            map((assessment) => ({ month, assessment })),
            catchError(() => of({ month, assessment: null })),
          ),
        ),
      ),
    );
    if (this.period() === period) this.monthly.set(results);
  }

  protected async saveHeadlines(indicators: string[] | null): Promise<void> {
    const region = this.regionCode();
    if (!region) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      this.headlines.set(
        await firstValueFrom(this.registry.setHeadlines({ regionCode: region, indicators })),
      );
      this.showAll.set(false);
      this.dialogOpen.set(false);
    } catch (error) {
      this.saveError.set(describeApiError(error).message);
    } finally {
      this.saving.set(false);
    }
  }

  protected openSubject(subject: Subject, explain?: string): void {
    const period = this.period();
    const path = ['/detail', subject.kind, subject.kind === 'region' ? subject.code : subject.id];
    void this.router.navigate(path, { queryParams: explain ? { period, explain } : { period } });
  }

  protected explain(cell: { subject: Subject; indicator: string }): void {
    this.openSubject(cell.subject, cell.indicator);
  }
}
