import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Flex, Input, List, Select, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { DrawListItemDto, DrawSessionDto } from '@ssj/server/api-types';
import { getDraws, getDrawSessions } from '../api/draw-endpoints.ts';
import { useApiQuery } from '../api/use-api-query.ts';
import { SessionStatusTag } from '../draw/session-status-tag.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useI18n } from '../i18n/use-t.ts';
import { QueryErrorAlert } from '../layout/query-error-alert.tsx';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { PortalFrame } from './portal-frame.tsx';

const allYears = 0;

function matches(draw: DrawListItemDto, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return (
    needle === '' ||
    draw.taskCode.toLowerCase().includes(needle) ||
    draw.taskName.toLowerCase().includes(needle)
  );
}

/**
 * `/public/draws?year=&task=`: 抽查任务, the published draws (newest first) with their frame size and number of
 * targets, each linking to its drawn list and verifier; and the draw sessions, whose frame hashes are public from
 * freezing on, before the seed exists.
 */
export function PublicDrawsPage() {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : allYears;
  const task = params.get('task') ?? '';
  const all = useApiQuery('public-draws', (signal) => getDraws({}, signal));
  const sessions = useApiQuery('public-draw-sessions', getDrawSessions);

  const years = useMemo(() => {
    if (all.state.status !== 'loaded') return [];
    return [...new Set(all.state.data.map((draw) => draw.year))].sort((a, b) => b - a);
  }, [all.state]);
  const shown = useMemo(() => {
    if (all.state.status !== 'loaded') return [];
    return all.state.data.filter((draw) => (year === allYears || draw.year === year) && matches(draw, task));
  }, [all.state, year, task]);

  const show = (next: { year?: number; task?: string }) => {
    const search = new URLSearchParams();
    const nextYear = next.year ?? year;
    const nextTask = next.task ?? task;
    if (nextYear !== allYears) search.set('year', String(nextYear));
    if (nextTask !== '') search.set('task', nextTask);
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<DrawListItemDto> = [
    {
      key: 'task',
      title: t('publicDraws.col.task'),
      render: (_, draw) => (
        <Flex vertical>
          <Link to={`/public/draws/${draw.id}`} data-testid={`portal-draw-link-${draw.taskCode}`}>
            {draw.taskCode}
          </Link>
          <Typography.Text>{draw.taskName}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'year', title: t('publicDraws.col.year'), dataIndex: 'year', width: 80 },
    {
      key: 'batch',
      title: t('frames.col.batch'),
      width: 80,
      render: (_, draw) => t('draw.batchLabel', { batch: draw.batch }),
    },
    { key: 'frameSize', title: t('frames.col.size'), dataIndex: 'frameSize', width: 100, align: 'end' },
    { key: 'targets', title: t('publicDraws.col.targets'), dataIndex: 'targets', width: 100, align: 'end' },
    {
      key: 'date',
      title: t('publicDraws.col.date'),
      width: 150,
      render: (_, draw) => formatDate(draw.createdAt, language),
    },
    {
      key: 'open',
      title: t('publicDraws.col.open'),
      width: 110,
      render: (_, draw) => (
        <Link to={`/public/draws/${draw.id}`}>
          {t('publicDraws.open')} <RightOutlined />
        </Link>
      ),
    },
  ];

  return (
    <PortalFrame maxWidth={1400}>
      <Link to="/public">
        <ArrowLeftOutlined /> {t('publicPlan.back')}
      </Link>
      <Flex vertical gap="small">
        <Typography.Title level={isPhone ? 3 : 2} style={{ margin: 0 }}>
          {t('publicDraws.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('publicDraws.intro')}</Typography.Paragraph>
      </Flex>
      <Card size={isPhone ? 'small' : 'default'}>
        <Flex vertical gap="middle">
          <Flex gap="small" wrap align="center">
            <Select<number>
              data-testid="portal-draws-year"
              value={year}
              onChange={(value) => {
                show({ year: value });
              }}
              options={[
                { value: allYears, label: t('publicDraws.allYears') },
                ...years.map((value) => ({ value, label: t('plan.yearOption', { year: value }) })),
              ]}
              style={{ width: isPhone ? '100%' : 140 }}
            />
            <Input.Search
              allowClear
              data-testid="portal-draws-search"
              placeholder={t('publicDraws.search')}
              defaultValue={task}
              onSearch={(value) => {
                show({ task: value.trim() });
              }}
              style={{ width: isPhone ? '100%' : 320 }}
            />
            {all.state.status === 'loaded' ? (
              <Typography.Text type="secondary">
                {t('publicDraws.count', { count: shown.length })}
              </Typography.Text>
            ) : null}
          </Flex>
          {all.state.status === 'loading' ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
          {all.state.status === 'error' ? (
            <QueryErrorAlert
              title={t('publicDraws.loadFailed')}
              error={all.state.error}
              onRetry={all.reload}
            />
          ) : null}
          {all.state.status === 'loaded' && shown.length === 0 ? (
            <Empty data-testid="portal-draws-empty" description={t('publicDraws.none')} />
          ) : null}
          {all.state.status === 'loaded' && shown.length > 0 && !isPhone ? (
            <Table<DrawListItemDto>
              data-testid="portal-draws-table"
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={shown}
              pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 900 }}
            />
          ) : null}
          {all.state.status === 'loaded' && shown.length > 0 && isPhone ? <DrawCards draws={shown} /> : null}
        </Flex>
      </Card>
      <Card title={t('publicDraws.sessions')} size={isPhone ? 'small' : 'default'}>
        <Typography.Paragraph type="secondary">{t('publicDraws.sessionsHint')}</Typography.Paragraph>
        {sessions.state.status === 'loading' ? <Skeleton active /> : null}
        {sessions.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('publicDraws.loadFailed')}
            error={sessions.state.error}
            onRetry={sessions.reload}
          />
        ) : null}
        {sessions.state.status === 'loaded' ? <SessionLinks sessions={sessions.state.data} /> : null}
      </Card>
    </PortalFrame>
  );
}

function DrawCards({ draws }: { draws: readonly DrawListItemDto[] }) {
  const { t, language } = useI18n();
  return (
    <List<DrawListItemDto>
      data-testid="portal-draws-table"
      dataSource={[...draws]}
      split={false}
      pagination={draws.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      renderItem={(draw) => (
        <List.Item style={{ paddingBlock: 6 }}>
          <Card
            size="small"
            style={{ width: '100%' }}
            title={
              <Link to={`/public/draws/${draw.id}`} data-testid={`portal-draw-link-${draw.taskCode}`}>
                {draw.taskCode} · {t('draw.batchLabel', { batch: draw.batch })}
              </Link>
            }
          >
            <Typography.Paragraph style={{ marginBottom: 8 }}>{draw.taskName}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'frameSize', label: t('frames.col.size'), children: draw.frameSize },
                { key: 'targets', label: t('publicDraws.col.targets'), children: draw.targets },
                {
                  key: 'date',
                  label: t('publicDraws.col.date'),
                  children: formatDate(draw.createdAt, language),
                },
              ]}
            />
          </Card>
        </List.Item>
      )}
    />
  );
}

function SessionLinks({ sessions }: { sessions: readonly DrawSessionDto[] }) {
  const { t, language } = useI18n();
  if (sessions.length === 0) return <Empty description={t('publicDraws.noSessions')} />;
  return (
    <List<DrawSessionDto>
      data-testid="portal-draw-sessions"
      size="small"
      dataSource={[...sessions]}
      renderItem={(session) => (
        <List.Item
          extra={
            <Link to={`/public/draw-sessions/${session.id}`}>
              {t('publicDraws.open')} <RightOutlined />
            </Link>
          }
        >
          <Flex gap="small" wrap align="center">
            <SessionStatusTag status={session.status} />
            <Typography.Text strong>{session.title}</Typography.Text>
            <Typography.Text type="secondary">
              {t('publicDraws.sessionSummary', {
                count: session.frames.length,
                date: formatDate(session.frozenAt, language),
              })}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
