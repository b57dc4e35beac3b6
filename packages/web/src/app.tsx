import { App as AntdApp } from 'antd';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { createAppRouter } from './router.tsx';
import { SessionProvider } from './session/session-provider.tsx';

/** The whole web app: language (and antd locale), session, router. */
export function App() {
  const [router] = useState(createAppRouter);
  return (
    <I18nProvider>
      <AntdApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntdApp>
    </I18nProvider>
  );
}
