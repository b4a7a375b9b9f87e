import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Optional,
  OnModuleDestroy,
  OnModuleInit,
  Put,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { isIsoDate } from '../calendar/iso-date';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { JobScheduler } from '../platform/jobs/job-scheduler';
import { SandboxClockRepository } from './sandbox-clock.repository';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { ShiftedClock } from './sandbox-shifted-clock';
import { Public } from '../platform/http/access-policy';

export class SandboxClockDto {
  @ApiProperty({ example: '2027-03-02', description: 'The calendar day the service should see (Việt Nam)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  today!: string;
}

/** How often an instance re-reads the shared offset (another instance may have moved the clock). */
const REFRESH_MS = 2_000;

/** Keeps the shifted clock in step with the `sandbox_clock` row and moves it. */
@Injectable()
export class SandboxClockService implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly offsets: SandboxClockRepository,
    // Absent where the sandbox is mounted without the job facility (the registry adapters' tests).
    @Optional() private readonly scheduler: JobScheduler | undefined,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get shifted(): ShiftedClock | undefined {
    return this.clock instanceof ShiftedClock ? this.clock : undefined;
  }

  async onModuleInit(): Promise<void> {
    if (!this.shifted) return;
    await this.refresh().catch(() => undefined);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const offset = await this.offsets.offset();
    if (this.shifted && this.shifted.offset() !== offset) {
      this.shifted.setOffset(offset);
      await this.scheduler?.tick();
    }
  }

  view() {
    return {
      today: this.clock.today(),
      now: this.clock.now().toISOString(),
      offsetDays: (this.shifted?.offset() ?? 0) / 86_400_000,
    };
  }

  async set(today: string | null) {
    const shifted = this.shifted;
    if (!shifted) throw DomainError.conflict('Đồng hồ của hệ thống không dịch chuyển được.');
    const offset = today === null ? 0 : shifted.offsetFor(today);
    await this.offsets.setOffset(offset);
    shifted.setOffset(offset);
    // Due scheduled work runs now (on whichever instance claims it), not at the next slot.
    await this.scheduler?.trigger();
    return this.view();
  }
}

/** `PUT /sandbox/clock {today}` moves the service's calendar day; `DELETE` returns to the real date. */
@ApiTags('sandbox')
@Public()
@Controller('sandbox/clock')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxClockController {
  constructor(private readonly clock: SandboxClockService) {}

  @Get()
  get() {
    return this.clock.view();
  }

  @Put()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the sandbox calendar day (scheduled work that is due runs within seconds)' })
  put(@Body() body: SandboxClockDto) {
    if (!isIsoDate(body.today))
      throw DomainError.validation([{ field: 'today', code: 'invalid_date', message: 'Ngày không hợp lệ.' }]);
    return this.clock.set(body.today);
  }

  @Delete()
  @HttpCode(200)
  reset() {
    return this.clock.set(null);
  }
}
