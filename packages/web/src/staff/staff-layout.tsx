import { MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link, Outlet } from 'react-router-dom';
import type { SessionUserDto } from '@ssj/server/api-types';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { CurrentUserBox } from './current-user-box.tsx';
import { LogoutButton } from './logout-button.tsx';
import { StaffNav } from './staff-nav.tsx';

/** The staff frame: side menu (a drawer on phones), header with user, language and logout, and the page. */
export function StaffLayout({ user }: { user: SessionUserDto }) {
  const t = useT();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const closeDrawer = () => {
    setDrawerOpen(false);
  };

  const brand = (showText: boolean) => (
    <Link to="/app" style={{ color: 'inherit' }}>
      <Flex align="center" gap="small" style={{ height: 56, paddingInline: 20, overflow: 'hidden' }}>
        <SafetyCertificateOutlined style={{ fontSize: 20, color: token.colorPrimary }} />
        {showText ? (
          <Typography.Text strong ellipsis>
            {t('app.brand')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? null : (
        <Layout.Sider
          theme="light"
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflowY: 'auto',
          }}
        >
          {brand(!collapsed)}
          <StaffNav />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: isPhone ? 12 : 24,
            height: 56,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            gap: isPhone ? 8 : 16,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isPhone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('shell.openMenu')}
              data-testid="open-nav"
              onClick={() => {
                setDrawerOpen(true);
              }}
            />
          ) : null}
          <div style={{ flex: 1, minWidth: 0 }}>
            <CurrentUserBox user={user} compact={isPhone} />
          </div>
          <LanguageSwitch size="small" />
          <LogoutButton iconOnly={isPhone} />
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      {isPhone ? (
        <Drawer
          placement="left"
          size={264}
          open={drawerOpen}
          onClose={closeDrawer}
          title={t('app.title')}
          styles={{ body: { padding: 0 } }}
        >
          <StaffNav onNavigate={closeDrawer} />
        </Drawer>
      ) : null}
    </Layout>
  );
}
