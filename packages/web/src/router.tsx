import { createBrowserRouter, Navigate } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { NotFoundPage } from './layout/not-found-page.tsx';
import { RouteLoadingFallback } from './layout/page-spinner.tsx';
import { RouteErrorPage } from './layout/route-error-page.tsx';
import { staffAreas } from './staff/staff-areas.tsx';

// Pages are loaded on demand: the public portal does not pay for the staff app and vice versa.
const staffAreaRoutes: RouteObject[] = staffAreas.map((area) => ({
  path: area.path,
  lazy: async () => {
    const { AreaPage } = await import('./staff/area-page.tsx');
    return {
      Component: () => <AreaPage area={area} />,
    };
  },
}));

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
          ...staffAreaRoutes,
          { path: '*', element: <NotFoundPage home="/app" /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The app's routes: `/` → `/public`, `/public`, `/login`, and the staff app under `/app`. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
