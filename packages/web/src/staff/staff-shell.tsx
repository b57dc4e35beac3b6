import { Button, Result } from 'antd';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { describeError } from '../api/describe-error.ts';
import { useT } from '../i18n/use-t.ts';
import { PageSpinner } from '../layout/page-spinner.tsx';
import { toLoginPath } from '../session/safe-next-path.ts';
import { useSession } from '../session/use-session.ts';
import { StaffLayout } from './staff-layout.tsx';

/** `/app/*`: needs a session. Without one it sends the user to `/login?next=<here>` (or plain `/login` after logout). */
export function StaffShell() {
  const t = useT();
  const { state, reload } = useSession();
  const location = useLocation();

  switch (state.status) {
    case 'loading':
      return <PageSpinner text={t('session.checking')} />;
    case 'error':
      return (
        <Result
          status="warning"
          title={t('session.loadFailed')}
          subTitle={describeError(state.error, t)}
          extra={[
            <Button key="retry" type="primary" onClick={reload}>
              {t('common.retry')}
            </Button>,
            <Link key="public" to="/public">
              {t('shell.publicPortal')}
            </Link>,
          ]}
        />
      );
    case 'signed-out': {
      const to =
        state.reason === 'logout'
          ? '/login'
          : toLoginPath(location.pathname + location.search + location.hash);
      return <Navigate to={to} replace />;
    }
    case 'signed-in':
      return <StaffLayout user={state.session.user} />;
  }
}
