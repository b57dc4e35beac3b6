import { LogoutOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/describe-error.ts';
import { useT } from '../i18n/use-t.ts';
import { useSession } from '../session/use-session.ts';

/**
 * 退出登录: posts the logout with the CSRF header; once the session is gone the shell sends the user to /login.
 * On a phone it shows only its icon.
 */
export function LogoutButton({ iconOnly = false }: { iconOnly?: boolean }) {
  const t = useT();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);

  const logOut = async () => {
    setPending(true);
    try {
      await signOut();
    } catch (error) {
      setPending(false);
      void message.error(t('shell.logoutFailed', { reason: describeError(error, t) }));
    }
  };

  return (
    <Button
      data-testid="logout"
      icon={<LogoutOutlined />}
      loading={pending}
      aria-label={t('shell.logout')}
      title={t('shell.logout')}
      onClick={() => {
        void logOut();
      }}
    >
      {iconOnly ? null : t('shell.logout')}
    </Button>
  );
}
