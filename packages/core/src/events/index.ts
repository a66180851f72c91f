/** Events: IHR Annex 2, WHO rapid risk assessment and alert levels, 7-1-7 timeliness, GDPR breach clock. Pure, no clock. */
export * from './ihr-annex2.ts';
export * from './risk-assessment.ts';
export * from './seven-one-seven.ts';
export * from './seven-one-seven-summary.ts';
export * from './breach-clock.ts';
