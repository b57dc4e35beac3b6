import { useCallback, useEffect, useState } from 'react';
import type { PublicOverviewDto } from '@ssj/server/api-types';
import { getPublicOverview } from '../api/endpoints.ts';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'loaded'; overview: PublicOverviewDto }
  | { status: 'error'; error: unknown };

/** Loads `GET /api/public/overview`; `reload` asks again after a failure. */
export function usePublicOverview(): { state: OverviewState; reload: () => void } {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getPublicOverview(controller.signal).then(
      (overview) => {
        setState({ status: 'loaded', overview });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
