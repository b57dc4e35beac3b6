export * from './config.ts';
export * from './start-server.ts';
export * from './db/database.ts';
export * from './db/migrate.ts';
export * from './audit/audit-log.ts';
export * from './features/users/user-store.ts';
export { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
export type * from './api-types.ts';
export * from './features/plans/plan-store.ts';
