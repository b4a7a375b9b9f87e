/** The grain of a summary row: 'd' one day, 'm' one calendar month. */
export type ReportGrain = 'd' | 'm';
