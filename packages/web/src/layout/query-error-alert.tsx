import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { isApiStatus } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { useT } from '../i18n/use-t.ts';
import { useSession } from '../session/use-session.ts';

/** A failed load with a retry button; a 401 means the session is gone, so the app forgets it (and goes to login). */
export function QueryErrorAlert({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT();
  const { forget, session } = useSession();
  const unauthorized = isApiStatus(error, 401) && session !== null;

  useEffect(() => {
    if (unauthorized) forget();
  }, [unauthorized, forget]);

  return (
    <Alert
      type="warning"
      showIcon
      title={title}
      description={describeError(error, t)}
      data-testid="load-error"
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
