export * from './result-codes.ts';
export * from './follow-up.ts';
export * from './inspection-state.ts';
export * from './batch-window.ts';
export * from './deadline-status.ts';
