import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import type { AdapterListItem, ReportKindCoverage } from '@efficacy/api-contract';
import { LanguageService } from '@efficacy/console/core';
import { ImportStatusTag, periodLabel } from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** One adapter: its manifest, the report kinds it reads, and how its recent imports went. */
@Component({
  selector: 'eff-adapter-card',
  imports: [
    DatePipe,
    TranslatePipe,
    ImportStatusTag,
    NzCardModule,
    NzDescriptionsModule,
    NzTableModule,
    NzTagModule,
    NzBadgeModule,
    NzEmptyModule,
    NzTooltipModule,
  ],
  templateUrl: './adapter-card.html',
  styles: `
    .adapter__title {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .adapter__section {
      margin: 16px 0 8px;
      font-weight: 500;
    }
    .adapter__sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdapterCard {
  private readonly language = inject(LanguageService);
  readonly adapter = input.required<AdapterListItem>();
  readonly regionNames = input<ReadonlyMap<string, string>>(new Map());

  protected name(text: { zh: string; en: string }): string {
    return this.language.current() === 'en' ? text.en : text.zh;
  }

  protected span(c: ReportKindCoverage): string {
    if (c.from && c.to) return c.from === c.to ? c.from : `${c.from} – ${c.to}`;
    if (c.from) return `${c.from} –`;
    if (c.to) return `– ${c.to}`;
    return '';
  }

  protected periodLabel(period: string): string {
    return periodLabel(period, this.language.current());
  }
}
