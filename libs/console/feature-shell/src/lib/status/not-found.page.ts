import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzButtonModule } from 'ng-zorro-antd/button';

@Component({
  selector: 'eff-not-found-page',
  imports: [RouterLink, TranslatePipe, NzResultModule, NzButtonModule],
  template: `
    <nz-result
      nzStatus="404"
      [nzTitle]="'notFound.title' | translate"
      [nzSubTitle]="'notFound.body' | translate"
      data-testid="not-found"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/home">{{ 'notFound.back' | translate }}</a>
      </div>
    </nz-result>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
