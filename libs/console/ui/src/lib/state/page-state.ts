import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** What went wrong with a request, as the page shows it (see describeApiError). */
export interface PageFailure {
  readonly status: number;
  readonly message: string;
  readonly denied: boolean;
}

/**
 * The designed failure state of a page: "no access" for 403 and 404 (the API does not
 * say whether something outside the scope exists), "cannot reach the API", or the API's
 * own message with a retry.
 */
@Component({
  selector: 'eff-page-state',
  imports: [RouterLink, TranslatePipe, NzResultModule, NzButtonModule, NzIconModule],
  template: `
    @let f = failure();
    @if (f.denied) {
      <nz-result
        nzStatus="403"
        [nzTitle]="'noAccess.title' | translate"
        [nzSubTitle]="'noAccess.body' | translate"
        data-testid="no-access"
      >
        <div nz-result-extra>
          <p class="muted" data-testid="api-message">{{ f.message }}</p>
          <a nz-button nzType="primary" routerLink="/home">{{ 'noAccess.back' | translate }}</a>
        </div>
      </nz-result>
    } @else {
      <nz-result
        nzStatus="error"
        [nzTitle]="(f.status === 0 ? 'state.offline' : 'state.error') | translate"
        [nzSubTitle]="f.message"
        data-testid="load-error"
      >
        <div nz-result-extra>
          <button nz-button nzType="primary" (click)="retry.emit()">
            <nz-icon nzType="reload" />{{ 'state.retry' | translate }}
          </button>
        </div>
      </nz-result>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageState {
  readonly failure = input.required<PageFailure>();
  readonly retry = output<void>();
}
