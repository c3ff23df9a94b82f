import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { RegionNode } from '@efficacy/api-contract';
import { PeriodPicker } from '../period/period-picker';
import { RegionSelect } from './region-select';

/**
 * The header of a page about one region and one period (overview, supervision, bulletins):
 * title, what is shown, and the region and period pickers; page-specific actions go in the
 * toolbar after the pickers (content projection).
 */
@Component({
  selector: 'eff-region-period-header',
  imports: [RegionSelect, PeriodPicker],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ title() }}</h2>
      @if (heading(); as h) {
        <span class="muted" [attr.data-testid]="headingTestId()">{{ h }}</span>
      }
      <div class="page-toolbar">
        <eff-region-select
          [regions]="regions()"
          [code]="regionCode()"
          (codeChange)="regionChange.emit($event)"
          [placeholder]="regionPlaceholder()"
        />
        @if (period(); as p) {
          <eff-period-picker [period]="p" (periodChange)="periodChange.emit($event)" />
        }
        <ng-content />
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionPeriodHeader {
  readonly title = input.required<string>();
  /** What the page shows, e.g. "金凤区 · 2022年1-8月"; nothing until it is known. */
  readonly heading = input<string | null>(null);
  readonly headingTestId = input<string | null>(null);
  readonly regions = input.required<readonly RegionNode[]>();
  readonly regionCode = input<string | null>(null);
  readonly regionPlaceholder = input('');
  readonly period = input<string | null | undefined>(null);
  readonly regionChange = output<string | null>();
  readonly periodChange = output<string>();
}

/** "金凤区 · 2022年1-8月" (or in English) for the header, from an assessment's names. */
export function regionPeriodHeading(
  names: {
    regionNameZh: string;
    regionNameEn: string;
    periodLabelZh: string;
    periodLabelEn: string;
  } | null,
  language: string,
): string | null {
  if (!names) return null;
  return language === 'en'
    ? `${names.regionNameEn} · ${names.periodLabelEn}`
    : `${names.regionNameZh} · ${names.periodLabelZh}`;
}
