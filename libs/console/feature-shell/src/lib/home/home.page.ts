import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { HealthResponse } from '@efficacy/api-contract';
import { ApiClient, SessionService } from '@efficacy/console/core';
import { firstValueFrom } from 'rxjs';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzGridModule } from 'ng-zorro-antd/grid';

/** The workbench: who you are, what you may do and where, and whether the platform answers. */
@Component({
  selector: 'eff-home-page',
  imports: [
    DatePipe,
    RouterLink,
    TranslatePipe,
    NzCardModule,
    NzDescriptionsModule,
    NzTagModule,
    NzButtonModule,
    NzIconModule,
    NzBadgeModule,
    NzAlertModule,
    NzSkeletonModule,
    NzGridModule,
  ],
  templateUrl: './home.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage implements OnInit {
  private readonly api = inject(ApiClient);
  protected readonly session = inject(SessionService);
  protected readonly health = signal<HealthResponse | null>(null);
  protected readonly healthError = signal<string | null>(null);
  protected readonly checkedAt = signal<Date | null>(null);
  protected readonly checking = signal(false);
  /**
   * The year whose State Council holiday notice is missing (from the health check's calendar
   * part), for those who can load it.
   */
  protected readonly calendarWarning = computed(() => {
    if (!this.session.can('calendar:write')) return null;
    const year = this.health()?.details?.['calendar']?.['missingNoticeYear'];
    return typeof year === 'number' ? year : null;
  });

  ngOnInit(): void {
    if (!this.session.me()) void this.session.load();
    void this.check();
  }

  protected async check(): Promise<void> {
    this.checking.set(true);
    try {
      this.health.set(await firstValueFrom(this.api.health()));
      this.healthError.set(null);
    } catch (error) {
      // 503 still carries the per-component details.
      if (error instanceof HttpErrorResponse && error.status === 503 && error.error?.details) {
        this.health.set(error.error as HealthResponse);
        this.healthError.set(null);
      } else {
        this.health.set(null);
        this.healthError.set(
          error instanceof HttpErrorResponse
            ? `${error.status} ${error.error?.message ?? error.message}`
            : String(error),
        );
      }
    } finally {
      this.checkedAt.set(new Date());
      this.checking.set(false);
    }
  }

  protected componentStatus(name: string): 'success' | 'error' | 'default' {
    const s = this.health()?.details?.[name]?.status;
    return s === 'up' ? 'success' : s === 'down' ? 'error' : 'default';
  }
}
