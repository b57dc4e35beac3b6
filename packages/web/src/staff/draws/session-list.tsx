import { RightOutlined } from '@ant-design/icons';
import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { SessionStatusTag } from '../../draw/session-status-tag.tsx';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';

/** The draw sessions held so far, newest first, with their status (已冻结 / 已录入种子 / 已公示). */
export function SessionList({ sessions }: { sessions: readonly DrawSessionDto[] }) {
  const { t, language } = useI18n();
  if (sessions.length === 0) return <Empty description={t('drawSession.none')} />;
  const columns: TableColumnsType<DrawSessionDto> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 60 },
    {
      key: 'title',
      title: t('drawSession.col.title'),
      render: (_, session) => (
        <Link to={`/app/draws/${session.id}`} data-testid={`draw-session-link-${session.id}`}>
          {session.title}
        </Link>
      ),
    },
    { key: 'year', title: t('publicDraws.col.year'), dataIndex: 'year', width: 80 },
    {
      key: 'frames',
      title: t('drawSession.col.frames'),
      width: 100,
      align: 'end',
      render: (_, session) => session.frames.length,
    },
    {
      key: 'frozenAt',
      title: t('publicDraw.frozenAt'),
      width: 170,
      render: (_, session) => formatDateTime(session.frozenAt, language),
    },
    {
      key: 'status',
      title: t('plan.status'),
      width: 120,
      render: (_, session) => <SessionStatusTag status={session.status} />,
    },
    {
      key: 'open',
      title: t('publicDraws.col.open'),
      width: 90,
      render: (_, session) => (
        <Link to={`/app/draws/${session.id}`}>
          {t('publicDraws.open')} <RightOutlined />
        </Link>
      ),
    },
  ];
  return (
    <Table<DrawSessionDto>
      data-testid="draw-session-list"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...sessions].sort((a, b) => b.id - a.id)}
      pagination={sessions.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 760 }}
    />
  );
}
