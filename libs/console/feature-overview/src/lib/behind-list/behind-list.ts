import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Assessment, Subject } from '@efficacy/api-contract';
import { LanguageService } from '@efficacy/console/core';
import { TargetStatusTag, behind, gapPhrases, statusCounts } from '@efficacy/console/ui';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzButtonModule } from 'ng-zorro-antd/button';

interface BehindItem {
  readonly key: string;
  readonly subject: Subject;
  readonly name: string;
  readonly status: 'missed' | 'close';
  readonly text: string;
}

const SHOWN = 8;

/** 谁落后了: each child below a target, with the gap in plain words. */
@Component({
  selector: 'eff-behind-list',
  imports: [TranslatePipe, TargetStatusTag, NzListModule, NzEmptyModule, NzButtonModule],
  template: `
    @if (items().length === 0) {
      <!-- Empty is not success: "all met" only where something was judged. -->
      <nz-empty
        nzNotFoundImage="simple"
        data-testid="behind-empty"
        [nzNotFoundContent]="
          judged() === 0
            ? ('overview.nothingJudged' | translate)
            : ('overview.nobodyBehind' | translate: { n: judged() })
        "
      />
    } @else {
      <ul class="behind" data-testid="behind-list">
        @for (item of visible(); track item.key) {
          <li class="behind__item" [attr.data-subject]="item.name">
            <eff-target-status [status]="item.status" />
            <div>
              <a
                class="behind__name"
                tabindex="0"
                (click)="open.emit(item.subject)"
                (keydown.enter)="open.emit(item.subject)"
                >{{ item.name }}</a
              >
              <div class="behind__text" data-testid="behind-text">{{ item.text }}</div>
            </div>
          </li>
        }
      </ul>
      @if (items().length > shown) {
        <button nz-button nzType="link" (click)="all.set(!all())">
          {{
            (all() ? 'overview.showFewer' : 'overview.showAll') | translate: { n: items().length }
          }}
        </button>
      }
    }
  `,
  styles: `
    .behind {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .behind__item {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 10px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .behind__name {
      font-weight: 500;
    }
    .behind__text {
      color: rgba(0, 0, 0, 0.65);
      line-height: 1.6;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BehindList {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  readonly assessment = input.required<Assessment>();
  readonly open = output<Subject>();
  protected readonly shown = SHOWN;
  protected readonly all = signal(false);

  protected readonly items = computed<BehindItem[]>(() => {
    const lang = this.language.current();
    const sep = this.translate.instant('gap.separator') as string;
    return behind(this.assessment()).map(({ row, indicator }) => {
      const phrases = gapPhrases(indicator, row, lang) ?? [];
      const subjectId = row.subject.kind === 'region' ? row.subject.code : row.subject.id;
      return {
        key: `${subjectId}|${indicator.code}`,
        subject: row.subject,
        name: lang === 'en' && row.nameEn ? row.nameEn : row.nameZh,
        status: row.target?.status === 'close' ? 'close' : 'missed',
        text: phrases.map((p) => this.translate.instant(p.key, p.params) as string).join(sep),
      };
    });
  });

  /** Child × indicator cells that had both a value and a target: met, close or missed. */
  protected readonly judged = computed(() => {
    const c = statusCounts(this.assessment());
    return c.met + c.close + c.missed;
  });

  protected readonly visible = computed(() =>
    this.all() ? this.items() : this.items().slice(0, SHOWN),
  );
}
