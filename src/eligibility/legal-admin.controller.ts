import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Caller, StaffOnly } from '../identity';
import { CalendarDayDto, CalendarRangeDto, CalendarYearImportDto, NewLegalParameterDto } from './dto/legal-admin.dto';
import { LegalAdminService } from './legal-admin.service';
import {
  CalendarDayListDto,
  CalendarYearImportedDto,
  CalendarYearListDto,
  LegalParameterListDto,
  StoredCalendarDayDto,
  StoredLegalParameterDto,
} from './dto/eligibility-responses.dto';

@ApiTags('admin')
@StaffOnly('admin')
@Controller('api/v1/admin')
export class LegalAdminController {
  constructor(private readonly admin: LegalAdminService) {}

  @Get('legal-parameters')
  @ApiOkResponse({ type: LegalParameterListDto })
  parameters() {
    return this.admin.listParameters();
  }

  @Post('legal-parameters')
  @ApiCreatedResponse({ type: StoredLegalParameterDto })
  @ApiOperation({ summary: 'Add a future-dated legal figure (effective after today); audited' })
  addParameter(@CurrentCaller() admin: Caller, @Body() body: NewLegalParameterDto) {
    return this.admin.addParameter(admin, body);
  }

  @Get('calendar')
  @ApiOkResponse({ type: CalendarDayListDto })
  days(@Query() query: CalendarRangeDto) {
    return this.admin.listDays(query);
  }

  @Get('calendar/years')
  @ApiOkResponse({ type: CalendarYearListDto })
  @ApiOperation({ summary: 'Which calendar years are announced (with their document) and which are projected' })
  years() {
    return this.admin.listYears();
  }

  @Put('calendar/years/:year')
  @ApiOkResponse({ type: CalendarYearImportedDto })
  @ApiOperation({
    summary: "Import a year's announced public-sector schedule (document number and date); replaces the year; audited",
  })
  importYear(@CurrentCaller() admin: Caller, @Param('year') year: string, @Body() body: CalendarYearImportDto) {
    return this.admin.importYear(admin, year, body);
  }

  @Put('calendar/:date')
  @ApiOkResponse({ type: StoredCalendarDayDto })
  @ApiOperation({ summary: 'Set one day as holiday or working day (e.g. a Government swap); audited' })
  setDay(@CurrentCaller() admin: Caller, @Param('date') date: string, @Body() body: CalendarDayDto) {
    return this.admin.setDay(admin, date, body);
  }
}
