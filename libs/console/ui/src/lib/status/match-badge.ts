import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { NameMatch } from '@efficacy/api-contract';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLOURS: Readonly<Record<NameMatch, string>> = {
  exact: 'green',
  alias: 'blue',
  normalised: 'cyan',
  confirmed: 'purple',
  region: 'geekblue',
  suggested: 'orange',
  none: 'red',
};

/** How a printed unit name matched the registry: exact, alias, normalised, region, … */
@Component({
  selector: 'eff-match-badge',
  imports: [TranslatePipe, NzTagModule],
  template: `<nz-tag [nzColor]="colour()" [attr.data-match]="match()">{{
    'match.' + match() | translate
  }}</nz-tag>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatchBadge {
  readonly match = input.required<NameMatch>();
  protected readonly colour = computed(() => COLOURS[this.match()]);
}
