import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { beijingYear } from '@efficacy/api-contract';
import {
  formatPeriodFields,
  parsePeriodFields,
  type PeriodFields,
  type PeriodKind,
} from './period-notation';

const KINDS: readonly PeriodKind[] = ['cumulative', 'month', 'range', 'quarter', 'half', 'year'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * Picks a reporting period and writes it in the API's notation: 1-8月 累计 is
 * 2022-01..2022-08, a month is 2023-06, a quarter 2022-Q3.
 */
@Component({
  selector: 'eff-period-picker',
  imports: [FormsModule, TranslatePipe, NzSelectModule],
  template: `
    @let f = fields();
    <span class="period-picker" data-testid="period-picker" [attr.data-period]="period()">
      <nz-select
        class="period-picker__kind"
        [ngModel]="f.kind"
        (ngModelChange)="set({ kind: $event })"
        data-testid="period-kind"
      >
        @for (k of kinds; track k) {
          <nz-option [nzValue]="k" [nzLabel]="'period.kind.' + k | translate" />
        }
      </nz-select>
      <nz-select
        class="period-picker__year"
        [ngModel]="f.year"
        (ngModelChange)="set({ year: $event })"
        data-testid="period-year"
      >
        @for (y of years(); track y) {
          <nz-option [nzValue]="y" [nzLabel]="'period.yearOption' | translate: { n: y }" />
        }
      </nz-select>
      @if (f.kind === 'range') {
        <nz-select
          class="period-picker__month"
          [ngModel]="f.fromMonth"
          (ngModelChange)="set({ fromMonth: $event })"
          data-testid="period-from"
        >
          @for (m of months; track m) {
            <nz-option [nzValue]="m" [nzLabel]="'period.monthOption' | translate: { n: m }" />
          }
        </nz-select>
        <span class="period-picker__to">{{ 'period.to' | translate }}</span>
      }
      @if (f.kind === 'month' || f.kind === 'cumulative' || f.kind === 'range') {
        <nz-select
          class="period-picker__month"
          [ngModel]="f.month"
          (ngModelChange)="set({ month: $event })"
          data-testid="period-month"
        >
          @for (m of months; track m) {
            <nz-option
              [nzValue]="m"
              [nzLabel]="
                (f.kind === 'cumulative' ? 'period.throughMonth' : 'period.monthOption')
                  | translate: { n: m }
              "
            />
          }
        </nz-select>
      }
      @if (f.kind === 'quarter') {
        <nz-select
          class="period-picker__month"
          [ngModel]="f.quarter"
          (ngModelChange)="set({ quarter: $event })"
        >
          @for (q of [1, 2, 3, 4]; track q) {
            <nz-option [nzValue]="q" [nzLabel]="'period.quarterOption' | translate: { n: q }" />
          }
        </nz-select>
      }
      @if (f.kind === 'half') {
        <nz-select
          class="period-picker__month"
          [ngModel]="f.half"
          (ngModelChange)="set({ half: $event })"
        >
          <nz-option [nzValue]="1" [nzLabel]="'period.firstHalf' | translate" />
          <nz-option [nzValue]="2" [nzLabel]="'period.secondHalf' | translate" />
        </nz-select>
      }
    </span>
  `,
  styles: `
    .period-picker {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      flex-wrap: wrap;
    }
    .period-picker__kind {
      width: 112px;
    }
    .period-picker__year {
      width: 96px;
    }
    .period-picker__month {
      width: 96px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeriodPicker {
  /** The period in notation; two-way bound. */
  readonly period = model.required<string>();
  /** The latest year offered; the current year by default. */
  /** The latest year offered: this Beijing year unless the page says otherwise. */
  readonly maxYear = input<number>(beijingYear(new Date()));
  protected readonly kinds = KINDS;
  protected readonly months = MONTHS;

  protected readonly fields = computed<PeriodFields>(
    () =>
      parsePeriodFields(this.period()) ?? {
        kind: 'cumulative',
        year: this.maxYear(),
        month: 12,
        fromMonth: 1,
        quarter: 1,
        half: 1,
      },
  );

  protected readonly years = computed(() => {
    const last = Math.max(this.maxYear(), this.fields().year);
    return Array.from({ length: last - 2018 + 1 }, (_, i) => last - i);
  });

  protected set(change: Partial<PeriodFields>): void {
    const next = formatPeriodFields({ ...this.fields(), ...change });
    if (next !== this.period()) this.period.set(next);
  }
}
