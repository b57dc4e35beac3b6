import { UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Tag, Typography } from 'antd';
import type { SessionUserDto } from '@ssj/server/api-types';
import { useT } from '../i18n/use-t.ts';

/** Who is signed in: name, role, department and region (on a phone, name and role only). */
export function CurrentUserBox({ user, compact = false }: { user: SessionUserDto; compact?: boolean }) {
  const t = useT();
  const role = t(`role.${user.role}`);
  const department = user.departmentName ?? t('shell.noDepartment');
  const details = `${role} · ${department} · ${user.regionName}`;
  return (
    <Flex
      data-testid="current-user"
      align="center"
      gap="small"
      title={`${user.displayName} · ${details}`}
      style={{ minWidth: 0 }}
    >
      <Avatar size="small" icon={<UserOutlined />} />
      <Flex vertical style={{ minWidth: 0, lineHeight: 1.3 }}>
        <Typography.Text
          strong
          ellipsis
          data-testid="current-user-name"
          style={{ maxWidth: compact ? 96 : 240 }}
        >
          {user.displayName}
        </Typography.Text>
        {compact ? null : (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 320 }}>
            <Tag
              color="blue"
              style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}
              data-testid="current-user-role"
            >
              {role}
            </Tag>{' '}
            {department} · {user.regionName}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
