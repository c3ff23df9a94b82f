import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzButtonModule } from 'ng-zorro-antd/button';

@Component({
  selector: 'eff-no-access-page',
  imports: [RouterLink, TranslatePipe, NzResultModule, NzButtonModule],
  template: `
    <nz-result
      nzStatus="403"
      [nzTitle]="'noAccess.title' | translate"
      [nzSubTitle]="'noAccess.body' | translate"
      data-testid="no-access"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/home">{{ 'noAccess.back' | translate }}</a>
      </div>
    </nz-result>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccessPage {}
