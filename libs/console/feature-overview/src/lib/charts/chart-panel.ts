import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/** A chart at a fixed height that follows its container's width. */
@Component({
  selector: 'eff-chart-panel',
  imports: [NgxEchartsDirective],
  template: `<div
    echarts
    [options]="options()"
    [style.height.px]="height()"
    [autoResize]="true"
  ></div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartPanel {
  readonly options = input.required<EChartsCoreOption>();
  readonly height = input(320);
}
