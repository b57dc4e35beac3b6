export * from './result.ts';
export * from './region/index.ts';
export * from './access/index.ts';
export * from './plan/index.ts';
