import { WorkingCalendarDayEntity } from '../calendar/working-calendar-day.entity';
import { WorkingCalendarYearEntity } from '../calendar/working-calendar-year.entity';
import { LegalParameterEntity } from './legal-parameter.entity';

/**
 * The tables behind LegalContextService: the legal figures and the working calendar (src/calendar has no module of
 * its own; the eligibility module provides its repository). Register them on any data source those repositories use.
 */
export const ELIGIBILITY_ENTITIES = [LegalParameterEntity, WorkingCalendarDayEntity, WorkingCalendarYearEntity];
