import { HomeOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../i18n/use-t.ts';
import { staffAreas } from './staff-areas.tsx';

const homeKey = '/app';

/** The key of the menu entry for the current path: `/app/plan/2024` selects `/app/plan`. */
function selectMenuKey(pathname: string): string {
  const area = staffAreas.find(
    ({ path }) => pathname === `/app/${path}` || pathname.startsWith(`/app/${path}/`),
  );
  return area === undefined ? homeKey : `/app/${area.path}`;
}

/** The staff side navigation; `onNavigate` lets the phone drawer close after a choice. */
export function StaffNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { pathname } = useLocation();
  const items: MenuProps['items'] = [
    { key: homeKey, icon: <HomeOutlined />, label: <Link to={homeKey}>{t('nav.home')}</Link> },
    ...staffAreas.map((area) => ({
      key: `/app/${area.path}`,
      icon: area.icon,
      label: <Link to={`/app/${area.path}`}>{t(area.labelKey)}</Link>,
    })),
  ];
  return (
    <nav data-testid="staff-nav" aria-label={t('shell.navTitle')}>
      <Menu
        mode="inline"
        selectedKeys={[selectMenuKey(pathname)]}
        items={items}
        onClick={() => onNavigate?.()}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
