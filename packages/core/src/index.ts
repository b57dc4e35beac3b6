export * from './result.ts';
export * from './region/index.ts';
export * from './access/index.ts';
export * from './plan/index.ts';
export * from './uscc/index.ts';
export * from './calendar/index.ts';
export * from './estimates/index.ts';
