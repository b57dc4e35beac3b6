import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { useT } from '../i18n/use-t.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** The router's error boundary: a 404 for unknown routes, a reload prompt for anything unexpected. */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title={t('common.unexpected.title')}
      subTitle={t('common.unexpected.description')}
      extra={
        <Button
          type="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('common.retry')}
        </Button>
      }
    />
  );
}
