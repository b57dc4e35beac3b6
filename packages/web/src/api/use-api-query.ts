import { useCallback, useEffect, useRef, useState } from 'react';

export type QueryState<T> =
  { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'error'; error: unknown };

type Settled<T> = { key: string; attempt: number } & (
  { status: 'loaded'; data: T } | { status: 'error'; error: unknown }
);

/**
 * Loads data for `key` (the request it stands for, e.g. its URL) and loads again whenever the key changes;
 * `null` loads nothing and stays `loading`. `reload` asks again; `update` replaces the data after a mutation.
 * A stale answer (for an older key) is never shown.
 */
export function useApiQuery<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): { state: QueryState<T>; reload: () => void; update: (data: T) => void } {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, attempt, status: 'loaded', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, attempt, status: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  const update = useCallback(
    (data: T) => {
      if (key !== null) setSettled({ key, attempt, status: 'loaded', data });
    },
    [key, attempt],
  );

  let state: QueryState<T> = { status: 'loading' };
  if (settled !== null && settled.key === key && settled.attempt === attempt) {
    state = settled.status === 'loaded' ? { status: 'loaded', data: settled.data } : settled;
  }
  return { state, reload, update };
}
