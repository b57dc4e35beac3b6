export * from './simulate-visit.ts';
