import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { CoverageMember, Explanation, Provenance } from '@efficacy/api-contract';
import { PageState, grouped, type PageFailure } from '@efficacy/console/ui';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** Where a figure was read: "jinfeng….xlsx · 附件2 · F4". */
export function cellPlace(cell: Provenance): string {
  const place = `${cell.column ?? ''}${cell.row ?? ''}`;
  return [cell.sheet, place || cell.locator].filter((s) => s).join(' · ');
}

/** 数字说明: the formula and its version, every input with its cell, and the warnings. */
@Component({
  selector: 'eff-explain-drawer',
  imports: [
    TranslatePipe,
    PageState,
    NzDrawerModule,
    NzDescriptionsModule,
    NzTableModule,
    NzTagModule,
    NzAlertModule,
    NzSkeletonModule,
    NzDividerModule,
    NzTooltipModule,
  ],
  templateUrl: './explain-drawer.html',
  styles: `
    .explain__value {
      font-size: 28px;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .explain__sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .explain__h {
      margin: 20px 0 8px;
      font-weight: 600;
    }
    /* The drawer renders in an overlay, outside this component's host. */
    ::ng-deep .explain-desc .ant-descriptions-item-label {
      width: 108px;
      white-space: nowrap;
    }
    .explain__partial {
      color: #ad6800;
    }
    .explain__rounding {
      margin-top: 12px;
    }
    .explain__policy {
      margin: 0;
      padding-left: 18px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExplainDrawer {
  readonly visible = input(false);
  readonly explanation = input<Explanation | null>(null);
  readonly loading = input(false);
  readonly failure = input<PageFailure | null>(null);
  readonly width = input(760);
  readonly closed = output<void>();
  readonly retry = output<void>();

  protected readonly title = computed(() => {
    const e = this.explanation();
    return e ? `${e.indicator.nameZh} · ${e.nameZh}` : '';
  });
  protected readonly percent = computed(() =>
    this.explanation()?.indicator.formulaZh.includes('× 100'),
  );

  protected readonly cellPlace = cellPlace;
  protected readonly grouped = grouped;

  protected names(members: readonly CoverageMember[]): string {
    return members.map((m) => m.nameZh).join('、');
  }

  protected percentText(share: number): string {
    return `${Math.round(share * 100)}%`;
  }

  protected displayValue(e: Explanation): string {
    const v = e.value;
    if (v.status !== 'number') return v.display || '—';
    return `${v.display}${this.percent() ? '%' : ''}`;
  }
}
