import { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Charts for the whole console: ngx-echarts on a tree-shaken `echarts/core` build that is
 * fetched the first time a chart is drawn, so no page pays for it before then.
 */
export function provideCharts(): Provider {
  return provideEchartsCore({
    echarts: () => import('./echarts-build').then((m) => m.echarts),
  });
}
