import { useSyncExternalStore } from 'react';

// Below antd's `md` breakpoint (768px): phones, where the side menu becomes a drawer.
const phoneQuery = '(max-width: 767.98px)';

function subscribeToPhoneQuery(onChange: () => void): () => void {
  const list = window.matchMedia(phoneQuery);
  list.addEventListener('change', onChange);
  return () => {
    list.removeEventListener('change', onChange);
  };
}

function readPhoneQuery(): boolean {
  return window.matchMedia(phoneQuery).matches;
}

/** Whether the viewport is phone-sized; known on the first render, so the layout does not flash. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribeToPhoneQuery, readPhoneQuery, () => false);
}
