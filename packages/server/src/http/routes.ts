import { auditRoutes } from '../features/audit/audit-routes.ts';
import { backupRoutes } from '../backup/backup-routes.ts';
import { calendarRoutes } from '../features/calendar/calendar-routes.ts';
import { documentRoutes } from '../features/documents/document-routes.ts';
import { notificationRoutes } from '../features/notifications/notification-routes.ts';
import { authRoutes } from '../features/auth/auth-routes.ts';
import { drawRoutes } from '../features/draws/draw-routes.ts';
import { healthRoutes } from '../features/health/health-routes.ts';
import { importRiskRoutes } from '../features/imports/import-risk-routes.ts';
import { inspectionRoutes } from '../features/inspections/inspection-routes.ts';
import { oversightRoutes } from '../features/oversight/oversight-routes.ts';
import { planRoutes } from '../features/plans/plan-routes.ts';
import { referenceRoutes } from '../features/reference/reference-routes.ts';
import { registerRoutes } from '../features/registers/register-routes.ts';
import { riskRoutes } from '../features/risk/risk-routes.ts';
import { userRoutes } from '../features/users/user-routes.ts';
import type { AnyRoute } from './route.ts';

/** The whole route table. Every route declares its access rule; tests walk this list. */
export const ROUTES: readonly AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...referenceRoutes,
  ...userRoutes,
  ...planRoutes,
  ...drawRoutes,
  ...auditRoutes,
  ...registerRoutes,
  ...importRiskRoutes,
  ...backupRoutes,
  ...inspectionRoutes,
  ...documentRoutes,
  ...notificationRoutes,
  ...calendarRoutes,
  ...oversightRoutes,
  ...riskRoutes,
];
