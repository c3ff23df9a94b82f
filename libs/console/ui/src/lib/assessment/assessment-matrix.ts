import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  Assessment,
  AssessmentRow,
  Coverage,
  IndicatorAssessment,
  Subject,
} from '@efficacy/api-contract';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { commonTarget, matrixRows, statusOf, type MatrixRow } from './assessment-rows';
import { targetText, valueText } from '../format/numbers';

/**
 * The colour table: each child region or unit against each indicator, green when the
 * target is met, amber when close, red when missed, with the value in the cell. An aggregate
 * says how many of its members reported; a partial one is never coloured as a verdict.
 */
@Component({
  selector: 'eff-assessment-matrix',
  imports: [TranslatePipe, NzTableModule, NzTooltipModule, NzTagModule],
  templateUrl: './assessment-matrix.html',
  styleUrl: './assessment-matrix.less',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentMatrix {
  readonly assessment = input.required<Assessment>();
  readonly language = input<'zh-CN' | 'en'>('zh-CN');
  /** Names are links to the detail page when true. */
  readonly drillable = input(true);
  readonly open = output<Subject>();
  readonly explain = output<{ subject: Subject; indicator: string }>();

  protected readonly rows = computed(() => matrixRows(this.assessment()));
  protected readonly indicators = computed(() => this.assessment().indicators);
  protected readonly width = computed(() => `${220 + this.indicators().length * 132}px`);

  protected name(row: { nameZh: string; nameEn: string }): string {
    return this.language() === 'en' && row.nameEn ? row.nameEn : row.nameZh;
  }

  protected indicatorName(i: IndicatorAssessment): string {
    return this.language() === 'en' ? i.nameEn : i.nameZh;
  }

  protected header(i: IndicatorAssessment): string {
    const t = commonTarget(i);
    return t ? targetText(t.comparator, t.value, i.unit) : '';
  }

  protected cell(row: MatrixRow, i: IndicatorAssessment): AssessmentRow | undefined {
    return row.cells.get(i.code);
  }

  protected text(row: MatrixRow, i: IndicatorAssessment): string {
    return valueText(this.cell(row, i)?.value, i.unit);
  }

  protected status(row: MatrixRow, i: IndicatorAssessment): string {
    return statusOf(this.cell(row, i));
  }

  /** "-" printed and nothing in the file look different: the legend tells them apart. */
  protected state(row: MatrixRow, i: IndicatorAssessment): string {
    return this.cell(row, i)?.value.status ?? 'missing';
  }

  /**
   * "2 个县区中 1 个已报送": always under the total's figures, and under a child region's when
   * not all of its members reported.
   */
  protected coverage(row: MatrixRow, i: IndicatorAssessment): Coverage | undefined {
    const c = this.cell(row, i)?.coverage;
    if (!c || c.expected === 0 || this.cell(row, i)?.value.status !== 'number') return undefined;
    return row.total || c.reported < c.expected ? c : undefined;
  }

  protected code(row: MatrixRow): string {
    return row.subject.kind === 'region' ? row.subject.code : row.subject.id;
  }
}
