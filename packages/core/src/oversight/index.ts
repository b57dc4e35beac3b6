export * from './progress-figures.ts';
export * from './assessment.ts';
export * from './bulletin-text.ts';
export * from './domain-estimate.ts';
export * from './assessment-report-text.ts';
