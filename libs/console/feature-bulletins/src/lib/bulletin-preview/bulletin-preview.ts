import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { BulletinDocument } from '@efficacy/api-contract';
import { NgxEchartsDirective } from 'ngx-echarts';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { bulletinChartOption, chartHeight } from '../chart-options';

/** A composed bulletin as the reader will see it: header, prose, figures, charts, annexes. */
@Component({
  selector: 'eff-bulletin-preview',
  imports: [TranslatePipe, NgxEchartsDirective, NzTableModule, NzTagModule],
  templateUrl: './bulletin-preview.html',
  styles: `
    .doc {
      max-width: 860px;
      margin: 0 auto;
      font-family: FangSong, '仿宋', 'Noto Serif CJK SC', serif;
    }
    .doc__issuer {
      color: #c00000;
      text-align: center;
      font-size: 28px;
      letter-spacing: 4px;
      margin: 0;
    }
    .doc__number {
      text-align: center;
      border-bottom: 2px solid #c00000;
      padding-bottom: 8px;
    }
    .doc__title {
      text-align: center;
      font-size: 24px;
      margin: 24px 0;
      font-weight: 600;
    }
    .doc p {
      text-indent: 2em;
      line-height: 1.9;
      font-size: 16px;
      margin: 0;
    }
    .doc h3 {
      font-size: 16px;
      margin: 8px 0 0;
      text-indent: 2em;
    }
    .doc h4 {
      font-size: 16px;
      margin: 8px 0 0;
      text-indent: 2em;
      font-weight: 600;
    }
    .doc__sign {
      text-align: right;
      margin-top: 24px;
    }
    .doc__imprint {
      margin-top: 24px;
      border-top: 2px solid #000;
      border-bottom: 2px solid #000;
      font-size: 14px;
      padding: 4px 8px;
    }
    .doc .doc__missing {
      color: #cf1322;
      text-indent: 0;
      margin-top: 12px;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 16px 0;
    }
    .figure {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px 12px;
      min-width: 180px;
    }
    .figure__value {
      font-size: 22px;
      font-weight: 600;
    }
    .annex {
      margin-top: 24px;
    }
    .annex h4 {
      text-indent: 0;
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulletinPreview {
  private readonly translate = inject(TranslateService);
  readonly document = input.required<BulletinDocument>();

  protected readonly charts = computed(() =>
    this.document().charts.map((chart) => ({
      chart,
      options: bulletinChartOption(chart, this.translate.instant('bulletins.target') as string),
      height: chartHeight(chart),
    })),
  );

  protected readonly groups = computed(() =>
    this.document().annexes.map((annex) => {
      const grouped = annex.columns.some((c) => c.group);
      const top: Array<{ label: string; span: number; rows: number }> = [];
      const bottom: string[] = [];
      for (let i = 0; i < annex.columns.length; ) {
        const column = annex.columns[i];
        if (!column) break;
        if (!column.group) {
          top.push({ label: column.header, span: 1, rows: grouped ? 2 : 1 });
          i++;
          continue;
        }
        let span = 0;
        while (annex.columns[i + span]?.group === column.group) {
          bottom.push(annex.columns[i + span]?.header ?? '');
          span++;
        }
        top.push({ label: column.group, span, rows: 1 });
        i += span;
      }
      return { annex, grouped, top, bottom };
    }),
  );

  /** The missing office settings, named in the reader's language. */
  protected readonly missingLabels = computed(() =>
    (this.document().missingSettings ?? [])
      .map((f) => this.translate.instant(`bulletins.office.${f}`))
      .join('、'),
  );

  protected chineseDate(iso: string): string {
    const [y, m, d] = iso.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
}
