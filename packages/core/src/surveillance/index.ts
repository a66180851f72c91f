/** Surveillance: epi weeks, case and aggregate records, CSV rows, DHIS2 and FHIR transforms. Pure, no I/O. */
export * from './calendar-date.ts';
export * from './epi-week.ts';
export * from './records.ts';
export * from './case-csv.ts';
export * from './dhis2.ts';
export * from './dhis2-import-summary.ts';
export * from './dhis2-export.ts';
export * from './fhir-coding.ts';
export * from './fhir-measure-report.ts';
