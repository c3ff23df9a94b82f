import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { Assessment, Provenance, Subject, UnitListItem } from '@efficacy/api-contract';
import {
  LanguageService,
  regionPeriodPage,
  RegistryApi,
  SessionService,
  describeApiError,
  type ApiFailure,
} from '@efficacy/console/core';
import {
  PageState,
  RegionPeriodHeader,
  regionPeriodHeading,
  TargetStatusTag,
  gapPhrases,
  regionNameMap,
  targetText,
  valueText,
} from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { FormsModule } from '@angular/forms';
import {
  SUBJECT_GROUPS,
  cityBelowTarget,
  countiesOf,
  detailPath,
  shortfall,
  subjectNames,
  supervisionModel,
  type BelowTargetItem,
  type Finding,
  type SubjectGroup,
  type TaskPrefill,
} from './supervision-model';

type Tab = 'below' | 'zero' | 'discrepancies' | 'gaming';
const TABS: readonly Tab[] = ['below', 'zero', 'discrepancies', 'gaming'];

/** 督查督办: what a supervisor acts on this month, each with a one-click rectification task. */
@Component({
  selector: 'eff-supervision-page',
  imports: [
    FormsModule,
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    PageState,
    RegionPeriodHeader,
    TargetStatusTag,
    NzCardModule,
    NzGridModule,
    NzTabsModule,
    NzTableModule,
    NzTagModule,
    NzButtonModule,
    NzEmptyModule,
    NzSelectModule,
    NzStatisticModule,
    NzSkeletonModule,
    NzAlertModule,
  ],
  templateUrl: './supervision.page.html',
  styleUrl: './supervision.page.less',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupervisionPage {
  private readonly registry = inject(RegistryApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  protected readonly language = inject(LanguageService);

  /** Query parameters (router input binding). */
  readonly region = input<string | undefined>();
  readonly period = input<string | undefined>();
  readonly tab = input<string | undefined>();

  private readonly page = regionPeriodPage(this.region, this.period, (region, period) => {
    void this.load(region, period);
  });
  protected readonly regions = this.page.regions;
  protected readonly regionCode = this.page.regionCode;
  protected readonly navigate = this.page.navigate;
  protected readonly retry = this.page.retry;

  protected readonly units = signal<UnitListItem[]>([]);
  protected readonly assessment = signal<Assessment | null>(null);
  protected readonly heading = computed(() =>
    regionPeriodHeading(this.assessment(), this.language.current()),
  );
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly loading = signal(false);
  protected readonly indicatorFilter = signal<string | null>(null);
  protected readonly groupFilter = signal<SubjectGroup | 'all'>('all');
  /** For a city: each county's own assessment, for the departments of all its counties. */
  protected readonly countyAssessments = signal<Assessment[]>([]);

  protected readonly canOpenTask = computed(() => this.session.can('task:open'));
  protected readonly tabIndex = computed(() =>
    Math.max(0, TABS.indexOf((this.tab() ?? 'below') as Tab)),
  );
  protected readonly model = computed(() => {
    const a = this.assessment();
    if (!a) return null;
    const names = subjectNames(a, regionNameMap(this.regions()), this.units());
    return supervisionModel(a, names, this.language.current());
  });
  /** The region's laggards and, for a city, its counties' units: worst first. */
  protected readonly allBelow = computed(() =>
    cityBelowTarget(this.model()?.belowTarget ?? [], this.countyAssessments()),
  );
  protected readonly groupOptions = computed(() => {
    this.language.current();
    const all = this.allBelow();
    const count = (g: SubjectGroup) => all.filter((i) => i.group === g).length;
    return [
      { label: `${this.translate.instant('supervision.group.all')} ${all.length}`, value: 'all' },
      ...SUBJECT_GROUPS.filter((g) => count(g) > 0).map((g) => ({
        label: `${this.translate.instant('supervision.group.' + g)} ${count(g)}`,
        value: g,
      })),
    ];
  });
  protected readonly showRegionColumn = computed(() => this.countyAssessments().length > 0);
  protected readonly sortBySubject = (a: BelowTargetItem, b: BelowTargetItem) =>
    this.rowName(a).localeCompare(this.rowName(b), 'zh-CN');
  protected readonly sortByRegion = (a: BelowTargetItem, b: BelowTargetItem) =>
    a.regionCode.localeCompare(b.regionCode);
  protected readonly sortByIndicator = (a: BelowTargetItem, b: BelowTargetItem) =>
    this.indicatorName(a).localeCompare(this.indicatorName(b), 'zh-CN');
  protected readonly sortByValue = (a: BelowTargetItem, b: BelowTargetItem) =>
    (a.row.value.value ?? -Infinity) - (b.row.value.value ?? -Infinity);
  protected readonly sortByTarget = (a: BelowTargetItem, b: BelowTargetItem) =>
    (a.row.target?.value ?? -Infinity) - (b.row.target?.value ?? -Infinity);
  protected readonly sortByStatus = (a: BelowTargetItem, b: BelowTargetItem) =>
    (a.status === 'missed' ? 1 : 0) - (b.status === 'missed' ? 1 : 0);
  /** The gap column sorts by how far behind: descending (worst first) is the default. */
  protected readonly sortByGap = (a: BelowTargetItem, b: BelowTargetItem) =>
    shortfall(a) - shortfall(b);
  protected readonly indicatorOptions = computed(() => {
    const seen = new Map<string, string>();
    for (const item of this.allBelow()) seen.set(item.indicator.code, this.indicatorName(item));
    return [...seen].map(([code, name]) => ({ code, name }));
  });
  protected readonly below = computed(() => {
    const filter = this.indicatorFilter();
    const group = this.groupFilter();
    return this.allBelow().filter(
      (i) => (!filter || i.indicator.code === filter) && (group === 'all' || i.group === group),
    );
  });

  protected async load(region: string, period: string): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      const [assessment, units] = await Promise.all([
        firstValueFrom(this.registry.assessment(region, period)),
        firstValueFrom(this.registry.units(region)).catch(() => [] as UnitListItem[]),
      ]);
      this.units.set(units);
      this.countyAssessments.set([]);
      this.assessment.set(assessment);
      void this.loadCounties(assessment, period);
    } catch (error) {
      this.assessment.set(null);
      this.failure.set(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** A city's counties, each assessed on its own for its departments, townships and centres. */
  private async loadCounties(city: Assessment, period: string): Promise<void> {
    const codes = countiesOf(city);
    if (codes.length === 0) return;
    const found = await Promise.all(
      codes.map((code) => firstValueFrom(this.registry.assessment(code, period)).catch(() => null)),
    );
    if (this.assessment() === city)
      this.countyAssessments.set(found.filter((a): a is Assessment => a !== null));
  }

  protected regionOf(item: BelowTargetItem): string {
    return this.language.current() === 'en' ? item.regionNameEn : item.regionNameZh;
  }

  protected selectTab(index: number): void {
    this.navigate({ tab: TABS[index] });
  }

  protected indicatorName(item: BelowTargetItem): string {
    return this.language.current() === 'en' ? item.indicator.nameEn : item.indicator.nameZh;
  }

  protected rowName(item: BelowTargetItem): string {
    return this.language.current() === 'en' ? item.row.nameEn : item.row.nameZh;
  }

  protected value(item: BelowTargetItem): string {
    return valueText(item.row.value, item.indicator.unit);
  }

  protected target(item: BelowTargetItem): string {
    const t = item.row.target;
    return t?.value === undefined ? '' : targetText(t.comparator, t.value, item.indicator.unit);
  }

  /** "低于目标 11.92 个百分点，需再有 … 项事项产生办件", in the user's language. */
  protected gapSentence(item: BelowTargetItem): string {
    const phrases = gapPhrases(item.indicator, item.row, this.language.current()) ?? [];
    return phrases.map((p) => this.translate.instant(p.key, p.params)).join('，');
  }

  protected cellText(cell: Provenance): string {
    const parts = [cell.file, cell.sheet];
    if (cell.row) parts.push(this.translate.instant('supervision.row', { row: cell.row }));
    if (cell.column)
      parts.push(this.translate.instant('supervision.column', { column: cell.column }));
    return parts.filter(Boolean).join(' · ');
  }

  protected severityColour(f: Finding): string {
    return f.severity === 'high' ? 'red' : f.severity === 'medium' ? 'orange' : 'default';
  }

  protected detailLink(subject: Subject): string[] | null {
    return detailPath(subject);
  }

  protected explainParams(item: BelowTargetItem): Record<string, string | undefined> {
    return { period: this.period(), explain: item.indicator.code };
  }

  protected openTask(prefill: TaskPrefill): void {
    void this.router.navigate(['/tasks', 'new'], { queryParams: prefill });
  }
}
