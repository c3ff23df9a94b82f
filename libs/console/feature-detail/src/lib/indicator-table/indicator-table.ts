import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Change, IndicatorUnit } from '@efficacy/api-contract';
import { TargetStatusTag, deltaText, gapText, targetText, valueText } from '@efficacy/console/ui';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import type { DetailRow } from '../detail-rows';

/** Every indicator of one region or unit: value, status, target, gap, rank, 环比 and 同比. */
@Component({
  selector: 'eff-indicator-table',
  imports: [
    RouterLink,
    TranslatePipe,
    TargetStatusTag,
    NzTableModule,
    NzTagModule,
    NzButtonModule,
    NzIconModule,
    NzTooltipModule,
    NzEmptyModule,
  ],
  templateUrl: './indicator-table.html',
  styles: `
    .change--better {
      color: #389e0d;
    }
    .change--worse {
      color: #cf1322;
    }
    .sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .sub.partial {
      color: #ad6800;
    }
    .value {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorTable {
  readonly rows = input.required<readonly DetailRow[]>();
  readonly regionNames = input<ReadonlyMap<string, string>>(new Map());
  readonly language = input<'zh-CN' | 'en'>('zh-CN');
  readonly explain = output<string>();
  /** Where a shortfall's "open task" link points (region, unit, period); null hides the link. */
  readonly taskLink = input<{ region: string; unit?: string; period: string } | null>(null);

  protected openable(r: DetailRow): boolean {
    const status = r.row.target?.status;
    return this.taskLink() !== null && (status === 'missed' || status === 'close');
  }

  protected taskQuery(indicator: string): Record<string, string> {
    const link = this.taskLink();
    if (!link) return {};
    return {
      source: 'indicator',
      indicator,
      ...(link.unit ? { unit: link.unit } : {}),
      region: link.region,
      period: link.period,
    };
  }

  protected name(r: DetailRow): string {
    return this.language() === 'en' ? r.indicator.nameEn : r.indicator.nameZh;
  }

  protected value(r: DetailRow): string {
    return valueText(r.row.value, r.indicator.unit);
  }

  protected target(r: DetailRow): string {
    const t = r.row.target;
    if (!t) return '';
    return t.value === undefined ? '' : targetText(t.comparator, t.value, r.indicator.unit);
  }

  protected gap(r: DetailRow): string {
    const t = r.row.target;
    if (!t || t.gap === undefined || t.gap === 0) return '';
    return gapText(t.gap, r.indicator.unit);
  }

  protected change(c: Change | undefined, unit: IndicatorUnit): string {
    return deltaText(c, unit);
  }

  protected arrow(c: Change | undefined): string {
    if (!c || c.delta === undefined || c.delta === 0) return '';
    return c.delta > 0 ? '↑' : '↓';
  }
}
