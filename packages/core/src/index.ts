export * from './result.ts';
export * from './region/index.ts';
