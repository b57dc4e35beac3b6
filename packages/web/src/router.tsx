import { createBrowserRouter, Navigate } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { NotFoundPage } from './layout/not-found-page.tsx';
import { RouteLoadingFallback } from './layout/page-spinner.tsx';
import { RouteErrorPage } from './layout/route-error-page.tsx';
import { staffAreas } from './staff/staff-areas.tsx';

// Pages are loaded on demand: the public portal does not pay for the staff app and vice versa.
const builtAreas = new Set([
  'plan',
  'draws',
  'objects',
  'inspectors',
  'items',
  'inspections',
  'results',
  'follow-up',
  'risk',
  'statistics',
  'bulletins',
  'assessment',
]);
const staffAreaRoutes: RouteObject[] = staffAreas
  .filter((area) => !builtAreas.has(area.path))
  .map((area) => ({
    path: area.path,
    lazy: async () => {
      const { AreaPage } = await import('./staff/area-page.tsx');
      return {
        Component: () => <AreaPage area={area} />,
      };
    },
  }));

const planRoutes: RouteObject[] = [
  {
    path: 'plan',
    lazy: async () => ({ Component: (await import('./staff/plan/plan-page.tsx')).PlanPage }),
  },
  {
    path: 'plan/import',
    lazy: async () => ({ Component: (await import('./staff/plan/plan-import-page.tsx')).PlanImportPage }),
  },
  {
    path: 'plan/populations',
    lazy: async () => ({ Component: (await import('./staff/plan/populations-page.tsx')).PopulationsPage }),
  },
  {
    path: 'plan/changes',
    lazy: async () => ({ Component: (await import('./staff/plan/plan-changes-page.tsx')).PlanChangesPage }),
  },
];

const drawRoutes: RouteObject[] = [
  {
    path: 'draws',
    lazy: async () => ({ Component: (await import('./staff/draws/draws-page.tsx')).DrawsPage }),
  },
  {
    path: 'draws/:id',
    lazy: async () => ({ Component: (await import('./staff/draws/draw-session-page.tsx')).DrawSessionPage }),
  },
];

const registerRoutes: RouteObject[] = [
  {
    path: 'objects',
    lazy: async () => ({ Component: (await import('./staff/registers/objects-page.tsx')).ObjectsPage }),
  },
  {
    path: 'inspectors',
    lazy: async () => ({ Component: (await import('./staff/registers/inspectors-page.tsx')).InspectorsPage }),
  },
  {
    path: 'items',
    lazy: async () => ({ Component: (await import('./staff/registers/items-page.tsx')).ItemsPage }),
  },
  {
    path: 'import/:kind',
    lazy: async () => ({
      Component: (await import('./staff/registers/register-import-page.tsx')).RegisterImportPage,
    }),
  },
];

const inspectionRoutes: RouteObject[] = [
  {
    path: 'inspections',
    lazy: async () => ({
      Component: (await import('./staff/inspections/inspections-page.tsx')).InspectionsPage,
    }),
  },
  {
    path: 'inspections/:id',
    lazy: async () => ({
      Component: (await import('./staff/inspections/inspection-page.tsx')).InspectionPage,
    }),
  },
  {
    path: 'results',
    lazy: async () => ({ Component: (await import('./staff/inspections/results-page.tsx')).ResultsPage }),
  },
  {
    path: 'follow-up',
    lazy: async () => ({ Component: (await import('./staff/follow-ups/follow-ups-page.tsx')).FollowUpsPage }),
  },
];

const oversightRoutes: RouteObject[] = [
  {
    path: 'statistics',
    lazy: async () => ({
      Component: (await import('./staff/oversight/statistics-page.tsx')).StatisticsPage,
    }),
  },
  {
    path: 'bulletins',
    lazy: async () => ({ Component: (await import('./staff/oversight/bulletins-page.tsx')).BulletinsPage }),
  },
  {
    path: 'assessment',
    lazy: async () => ({ Component: (await import('./staff/oversight/assessment-page.tsx')).AssessmentPage }),
  },
];

const routes: RouteObject[] = [
  {
    path: '/',
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: RouteLoadingFallback,
    children: [
      { index: true, element: <Navigate to="/public" replace /> },
      {
        path: 'public',
        lazy: async () => ({ Component: (await import('./pages/public-portal-page.tsx')).PublicPortalPage }),
      },
      {
        path: 'public/plan',
        lazy: async () => ({ Component: (await import('./pages/public-plan-page.tsx')).PublicPlanPage }),
      },
      {
        path: 'public/draws',
        lazy: async () => ({ Component: (await import('./pages/public-draws-page.tsx')).PublicDrawsPage }),
      },
      {
        path: 'public/draws/:id',
        lazy: async () => ({ Component: (await import('./pages/public-draw-page.tsx')).PublicDrawPage }),
      },
      {
        path: 'public/draw-sessions/:id',
        lazy: async () => ({
          Component: (await import('./pages/public-draw-session-page.tsx')).PublicDrawSessionPage,
        }),
      },
      {
        path: 'public/results',
        lazy: async () => ({
          Component: (await import('./pages/public-results-page.tsx')).PublicResultsPage,
        }),
      },
      {
        path: 'public/follow-ups',
        lazy: async () => ({
          Component: (await import('./pages/public-follow-ups-page.tsx')).PublicFollowUpsPage,
        }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('./pages/login-page.tsx')).LoginPage }),
      },
      {
        path: 'app',
        lazy: async () => ({ Component: (await import('./staff/staff-shell.tsx')).StaffShell }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./staff/staff-home-page.tsx')).StaffHomePage }),
          },
          ...planRoutes,
          ...drawRoutes,
          ...registerRoutes,
          ...inspectionRoutes,
          {
            path: 'risk',
            lazy: async () => ({ Component: (await import('./staff/risk/risk-page.tsx')).RiskPage }),
          },
          ...oversightRoutes,
          ...staffAreaRoutes,
          { path: '*', element: <NotFoundPage home="/app" /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The app's routes: `/` → `/public`, `/public`, `/public/plan`, `/public/draws[/:id]`, `/public/draw-sessions/:id`,
 * `/public/results`, `/public/follow-ups`,
 * `/login`, and the staff app under `/app`.
 */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
