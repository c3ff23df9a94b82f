import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService, SessionService } from '@efficacy/console/core';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NAV_ITEMS } from './nav-items';

@Component({
  selector: 'eff-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    TranslatePipe,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzDropDownModule,
    NzAvatarModule,
    NzButtonModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.less',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell implements OnInit {
  protected readonly session = inject(SessionService);
  protected readonly language = inject(LanguageService);
  protected readonly me = this.session.me;
  protected readonly nav = computed(() => {
    const perms = this.session.permissions();
    return NAV_ITEMS.filter((item) => !item.permission || perms.has(item.permission));
  });
  protected readonly primaryRole = computed(() => this.me()?.roles[0] ?? null);

  ngOnInit(): void {
    // Every page under the shell needs the user (header, menu, guards), not only the workbench.
    if (!this.session.me()) void this.session.load();
  }

  protected logout(): void {
    void this.session.logout();
  }
}
