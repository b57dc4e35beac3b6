import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { FollowUpDto } from '@ssj/server/api-types';
import { getFollowUps } from '../../api/inspection-endpoints.ts';
import { getPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';
import { ResultCodeTags } from '../inspections/result-code-tags.tsx';
import { FollowUpDrawer } from './follow-up-drawer.tsx';
import { FollowUpStateTags } from './follow-up-state-tags.tsx';

function readYear(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function readState(value: string | null): 'open' | 'closed' | undefined {
  if (value === 'open' || value === 'closed') return value;
  return undefined;
}

/**
 * `/app/follow-up` 后续处置: a case per problem result (DOMAIN.md §5), with its type, outcome and state. The responsible
 * department's admin (or the office) sets the type and outcome and closes the case with a date, after which it is
 * public; a serious outcome raises the object's risk for later draws. Auditors read; inspectors have no cases here.
 */
export function FollowUpsPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const { session } = useSession();
  const role = session?.user.role;
  const canEdit = role === 'department_admin' || role === 'office_admin';
  const [params, setParams] = useSearchParams();
  const year = readYear(params.get('year'));
  const state = readState(params.get('state'));
  const query = { year, state };
  const list = useApiQuery(role === 'inspector' ? null : `follow-ups:${JSON.stringify(query)}`, (signal) =>
    getFollowUps(query, signal),
  );
  const years = useApiQuery('plan-years', getPlanYears);
  const [editing, setEditing] = useState<FollowUpDto | null>(null);

  const set = (name: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
    setParams(next, { replace: true });
  };

  if (role === 'inspector') {
    return (
      <Card title={t('followUp.title')}>
        <Alert type="info" showIcon title={t('followUp.forAdmins')} data-testid="follow-ups-inspector" />
      </Card>
    );
  }

  const data = list.state.status === 'loaded' ? list.state.data : [];
  const editButton = (f: FollowUpDto) =>
    canEdit && f.state === 'open' ? (
      <Button
        icon={<EditOutlined />}
        size={isPhone ? 'large' : 'middle'}
        block={isPhone}
        data-testid={`follow-up-edit-${f.id}`}
        onClick={() => {
          setEditing(f);
        }}
      >
        {t('followUp.handle')}
      </Button>
    ) : null;

  const columns: TableColumnsType<FollowUpDto> = [
    {
      key: 'object',
      title: t('followUp.col.object'),
      width: 240,
      render: (_, f) => (
        <Flex vertical>
          <Link to={`/app/inspections/${f.inspectionId}`}>{f.objectName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.canonicalId} · {f.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'task',
      title: t('followUp.col.task'),
      width: 240,
      render: (_, f) => (
        <Typography.Text style={{ fontSize: 13 }}>
          <Typography.Text code>{f.taskCode}</Typography.Text> {f.taskName}
        </Typography.Text>
      ),
    },
    { key: 'department', title: t('followUp.col.department'), dataIndex: 'departmentName', width: 170 },
    {
      key: 'codes',
      title: t('followUp.col.codes'),
      width: 220,
      render: (_, f) => <ResultCodeTags codes={f.codes} />,
    },
    { key: 'type', title: t('followUp.col.type'), width: 150, render: (_, f) => f.type ?? '—' },
    {
      key: 'outcome',
      title: t('followUp.col.outcome'),
      width: 220,
      render: (_, f) => (f.outcome === '' ? '—' : f.outcome),
    },
    {
      key: 'state',
      title: t('followUp.col.state'),
      width: 170,
      render: (_, f) => <FollowUpStateTags followUp={f} />,
    },
    { key: 'edit', title: '', width: 110, render: (_, f) => editButton(f) },
  ];

  return (
    <Card title={t('followUp.title')} size={isPhone ? 'small' : 'default'}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('followUp.intro')}
        </Typography.Paragraph>
        <Flex wrap gap="small">
          <Select<number>
            allowClear
            placeholder={t('inspections.allYears')}
            value={year}
            style={{ width: isPhone ? '100%' : 140 }}
            options={
              years.state.status === 'loaded'
                ? years.state.data.map((y) => ({ value: y, label: t('plan.yearOption', { year: y }) }))
                : []
            }
            onChange={(value) => {
              set('year', value);
            }}
            data-testid="follow-ups-year"
          />
          <Select<string>
            allowClear
            placeholder={t('followUp.allStates')}
            value={state}
            style={{ width: isPhone ? '100%' : 140 }}
            options={[
              { value: 'open', label: t('followUp.state.open') },
              { value: 'closed', label: t('followUp.state.closedShort') },
            ]}
            onChange={(value) => {
              set('state', value);
            }}
            data-testid="follow-ups-state"
          />
          {list.state.status === 'loaded' ? (
            <Typography.Text type="secondary">{t('followUp.count', { count: data.length })}</Typography.Text>
          ) : null}
        </Flex>
        {list.state.status === 'error' ? (
          <QueryErrorAlert title={t('followUp.loadFailed')} error={list.state.error} onRetry={list.reload} />
        ) : null}
        {isPhone ? (
          <List<FollowUpDto>
            data-testid="follow-ups-table"
            loading={list.state.status === 'loading'}
            dataSource={data}
            split={false}
            locale={{ emptyText: <Empty description={t('followUp.none')} /> }}
            pagination={data.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
            renderItem={(f) => (
              <List.Item style={{ paddingBlock: 6 }}>
                <Card
                  size="small"
                  style={{ width: '100%' }}
                  title={
                    <Link to={`/app/inspections/${f.inspectionId}`} style={{ whiteSpace: 'normal' }}>
                      {f.objectName}
                    </Link>
                  }
                >
                  <Flex vertical gap={6}>
                    <FollowUpStateTags followUp={f} />
                    <Typography.Text style={{ fontSize: 13 }}>
                      <Typography.Text code>{f.taskCode}</Typography.Text> {f.taskName}
                    </Typography.Text>
                    <ResultCodeTags codes={f.codes} />
                    <Typography.Text>
                      {t('followUp.col.type')}：{f.type ?? '—'}
                    </Typography.Text>
                    {f.outcome === '' ? null : <Typography.Text>{f.outcome}</Typography.Text>}
                    {editButton(f)}
                  </Flex>
                </Card>
              </List.Item>
            )}
          />
        ) : (
          <Table<FollowUpDto>
            data-testid="follow-ups-table"
            rowKey="id"
            size="small"
            loading={list.state.status === 'loading'}
            columns={columns}
            dataSource={data}
            scroll={{ x: 1400 }}
            locale={{ emptyText: <Empty description={t('followUp.none')} /> }}
            pagination={data.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          />
        )}
      </Flex>
      <FollowUpDrawer
        followUp={editing}
        onClose={() => {
          setEditing(null);
        }}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </Card>
  );
}
