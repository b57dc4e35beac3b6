import { LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { useSession } from '../session/use-session.ts';

/** The public portal's frame: header (title linking home, language, staff login), content width, footer. */
export function PortalFrame({ children, maxWidth = 1100 }: { children: ReactNode; maxWidth?: number }) {
  const t = useT();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const { session } = useSession();
  const staffTarget = session === null ? '/login' : '/app';
  const staffLabel = session === null ? t('portal.staffLogin') : t('portal.toWorkspace');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: isPhone ? 12 : 24,
          height: 56,
          lineHeight: 'normal',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
        }}
      >
        <Link
          to="/public"
          style={{ color: 'inherit', display: 'flex', alignItems: 'center', gap: 12, flex: 1, minWidth: 0 }}
        >
          <SafetyCertificateOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
          <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
            {isPhone ? t('app.shortTitle') : t('app.title')}
          </Typography.Text>
        </Link>
        <LanguageSwitch size="small" />
        <Button
          icon={<LoginOutlined />}
          href={staffTarget}
          data-testid="staff-login-link"
          aria-label={staffLabel}
          title={staffLabel}
          onClick={(event) => {
            event.preventDefault();
            void navigate(staffTarget);
          }}
        >
          {isPhone ? null : staffLabel}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
        <Flex vertical gap={isPhone ? 'middle' : 'large'} style={{ maxWidth, marginInline: 'auto' }}>
          {children}
        </Flex>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('portal.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
