import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';

/** The plan area's pages: the plan, the import (office only), the populations and the change requests. */
export function PlanSubNav() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const { session } = useSession();
  const year = new URLSearchParams(search).get('year');
  const suffix = year === null ? '' : `?year=${year}`;
  const pages = [
    { value: '/app/plan', label: t('planNav.plan') },
    ...(session?.user.role === 'office_admin'
      ? [{ value: '/app/plan/import', label: t('planNav.import') }]
      : []),
    { value: '/app/plan/populations', label: t('planNav.populations') },
    { value: '/app/plan/changes', label: t('planNav.changes') },
  ];
  return (
    <Segmented
      data-testid="plan-sub-nav"
      value={pages.some((page) => page.value === pathname) ? pathname : '/app/plan'}
      options={pages}
      onChange={(value) => {
        void navigate(value + suffix);
      }}
    />
  );
}
