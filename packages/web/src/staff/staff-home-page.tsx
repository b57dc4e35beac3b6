import { Alert, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import type { Role } from '@ssj/server/api-types';
import { useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/zh-cn.ts';
import { useSession } from '../session/use-session.ts';

const capabilityKeys: Record<Role, readonly MessageKey[]> = {
  office_admin: ['home.can.office_admin.1', 'home.can.office_admin.2', 'home.can.office_admin.3'],
  department_admin: [
    'home.can.department_admin.1',
    'home.can.department_admin.2',
    'home.can.department_admin.3',
  ],
  inspector: ['home.can.inspector.1', 'home.can.inspector.2', 'home.can.inspector.3'],
  auditor: ['home.can.auditor.1', 'home.can.auditor.2', 'home.can.auditor.3'],
};

/** `/app`: a welcome card with the user's role and what that role does. */
export function StaffHomePage() {
  const t = useT();
  const { session } = useSession();
  if (session === null) return null;
  const { user } = session;

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 880 }}>
      <Card title={t('home.welcome', { name: user.displayName })} data-testid="welcome-card">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            {
              key: 'role',
              label: t('home.yourRole'),
              children: <Tag color="blue">{t(`role.${user.role}`)}</Tag>,
            },
            {
              key: 'department',
              label: t('home.department'),
              children: user.departmentName ?? t('shell.noDepartment'),
            },
            { key: 'region', label: t('home.region'), children: user.regionName },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('home.canDo')}
        </Typography.Title>
        <List
          size="small"
          dataSource={capabilityKeys[user.role].map((key) => t(key))}
          renderItem={(text) => <List.Item>{text}</List.Item>}
        />
      </Card>
      <Alert type="info" showIcon title={t('home.gettingStarted')} />
    </Flex>
  );
}
