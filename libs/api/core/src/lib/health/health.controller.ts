import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { describeYears, missingNoticeWarning } from '@efficacy/api-contract';
import { calendarYearsCovered } from '@efficacy/working-calendar';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Public } from '../auth/decorators';
import { CLOCK, beijingToday, type Clock } from '../clock/clock';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Database and Keycloak reachability (503 when either is down), and the working-day
   * calendar: the years with their national notice, and a warning when this year's (from
   * December, next year's too) is missing. A missing notice is a warning, not an outage.
   */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.keycloak(),
      () => this.calendar(),
    ]);
  }

  private async calendar() {
    const indicator = this.indicators.check('calendar');
    try {
      const rows: Array<{ year: number }> = await this.dataSource.query(
        `SELECT year FROM working_calendar_notice WHERE region_prefix = '' ORDER BY year`,
      );
      const loadedNoticeYears = rows.map((r) => r.year);
      const covered = calendarYearsCovered({ noticeYears: loadedNoticeYears });
      const today = beijingToday(this.clock);
      const warning = missingNoticeWarning(today, covered);
      return indicator.up({
        today,
        coveredYears: describeYears(covered),
        lastCoveredYear: covered[covered.length - 1] ?? null,
        loadedNoticeYears,
        missingNoticeYear: warning?.year ?? null,
        warning: warning?.message ?? null,
      });
    } catch (error) {
      // The database check reports the outage; the calendar only says it could not look.
      return indicator.up({
        warning: `could not read the loaded calendar notices: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  private async keycloak() {
    const indicator = this.indicators.check('keycloak');
    const url = `${this.config.keycloak.issuer}/.well-known/openid-configuration`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (!response.ok) return indicator.down({ url, message: `HTTP ${response.status}` });
      return indicator.up({ url });
    } catch (error) {
      return indicator.down({
        url,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
