import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { RiskAllocationPreviewDto, RiskTiltSettingsDto, RiskTiltTaskDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { getRiskTilt, getTaskAllocation, setPlanTilt, setTaskTilt } from './risk-endpoints.ts';

type Stratum = RiskAllocationPreviewDto['strata'][number];

/** The allocation table a draw of the task would use now: the control stratum first when tilted. */
function AllocationTable({ year, code }: { year: number; code: string }) {
  const t = useT();
  const query = useApiQuery(`risk-allocation:${String(year)}:${code}`, (signal) =>
    getTaskAllocation(year, code, signal),
  );
  if (query.state.status === 'loading') return <Skeleton active />;
  if (query.state.status === 'error')
    return <QueryErrorAlert title={t('risk.loadFailed')} error={query.state.error} onRetry={query.reload} />;
  const preview = query.state.data;
  const columns: TableColumnsType<Stratum> = [
    {
      key: 'name',
      title: t('risk.alloc.col.stratum'),
      render: (_, s) =>
        s.control ? (
          <Tag color="blue" data-testid="allocation-control">
            {t('risk.alloc.control', { name: s.name })}
          </Tag>
        ) : (
          s.name
        ),
    },
    { key: 'population', title: t('risk.alloc.col.population'), dataIndex: 'population', align: 'end' },
    { key: 'available', title: t('risk.alloc.col.available'), dataIndex: 'available', align: 'end' },
    {
      key: 'multiplier',
      title: t('risk.alloc.col.multiplier'),
      align: 'end',
      render: (_, s) => `×${String(s.multiplier)}`,
    },
    { key: 'count', title: t('risk.alloc.col.count'), dataIndex: 'count', align: 'end' },
  ];
  return (
    <Flex vertical gap="small">
      <Typography.Text data-testid="allocation-mode">
        {preview.tilted
          ? t('risk.alloc.tilted', {
              version: preview.modelVersion ?? '',
              share: Math.round((preview.controlShare ?? 0) * 100),
            })
          : t('risk.alloc.untilted')}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('risk.alloc.summary', {
          batch: preview.batch,
          frame: preview.frameSize,
          demanded: preview.demanded,
          total: preview.total,
        })}
      </Typography.Text>
      <Table<Stratum>
        size="small"
        bordered
        pagination={false}
        rowKey="name"
        columns={columns}
        dataSource={preview.strata}
        data-testid="allocation-table"
      />
    </Flex>
  );
}

/**
 * The office's rules for model-tilted draws (issue #9): the plan's switch "允许按模型风险倾斜抽取" with the uniform
 * control share, a toggle per task, and each task's allocation table. Others read only.
 */
export function RiskTiltCard({ year }: { year: number }) {
  const t = useT();
  const { message } = App.useApp();
  const { session, csrfToken } = useSession();
  const isOffice = session?.user.role === 'office_admin';
  const query = useApiQuery(`risk-tilt:${String(year)}`, (signal) => getRiskTilt(year, signal));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [share, setShare] = useState<number | null>(null);
  const [search, setSearch] = useState('');

  const run = async (change: () => Promise<RiskTiltSettingsDto>) => {
    setBusy(true);
    setFailure(null);
    try {
      query.update(await change());
      void message.success(t('risk.tilt.saved'));
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (query.state.status === 'loading')
    return (
      <Card title={t('risk.tilt.title')}>
        <Skeleton active />
      </Card>
    );
  if (query.state.status === 'error')
    return (
      <Card title={t('risk.tilt.title')}>
        <QueryErrorAlert title={t('risk.loadFailed')} error={query.state.error} onRetry={query.reload} />
      </Card>
    );
  const settings = query.state.data;
  const token = csrfToken ?? '';
  const sharePercent = share ?? Math.round(settings.controlShare * 100);

  const columns: TableColumnsType<RiskTiltTaskDto> = [
    { key: 'code', title: t('risk.tilt.col.task'), width: 110, dataIndex: 'code' },
    { key: 'name', title: t('risk.tilt.col.name'), dataIndex: 'name', ellipsis: true },
    { key: 'region', title: t('risk.tilt.col.region'), width: 110, dataIndex: 'regionName' },
    {
      key: 'enabled',
      title: t('risk.tilt.col.enabled'),
      width: 100,
      render: (_, task) => (
        <Switch
          size="small"
          checked={task.enabled}
          disabled={!isOffice || busy || settings.modelVersion === null}
          data-testid={`tilt-task-${task.code}`}
          onChange={(checked) => void run(() => setTaskTilt(year, task.code, checked, token))}
        />
      ),
    },
    { key: 'frames', title: t('risk.tilt.col.frames'), width: 90, dataIndex: 'tiltedFrames', align: 'end' },
    {
      key: 'allocation',
      title: t('risk.tilt.col.allocation'),
      width: 100,
      render: (_, task) => (
        <Button
          size="small"
          data-testid={`allocation-${task.code}`}
          onClick={() => {
            setOpened(task.code);
          }}
        >
          {t('risk.tilt.showAllocation')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('risk.tilt.title')} data-testid="risk-tilt">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('risk.tilt.help')}</Typography.Text>
        {settings.modelVersion === null ? (
          <Alert type="info" showIcon title={t('risk.tilt.noModel')} />
        ) : null}
        {failure === null ? null : <Alert type="error" showIcon title={failure} />}
        <Flex gap="large" align="center" wrap>
          <Flex gap="small" align="center">
            <Switch
              checked={settings.enabled}
              disabled={!isOffice || busy || settings.modelVersion === null}
              data-testid="tilt-plan-switch"
              onChange={(checked) =>
                void run(() =>
                  setPlanTilt(year, { enabled: checked, controlShare: sharePercent / 100 }, token),
                )
              }
            />
            <Typography.Text strong>{t('risk.tilt.planSwitch')}</Typography.Text>
          </Flex>
          <Flex gap="small" align="center">
            <Typography.Text>{t('risk.tilt.controlShare')}</Typography.Text>
            <InputNumber
              min={5}
              max={50}
              value={sharePercent}
              suffix="%"
              disabled={!isOffice || busy}
              onChange={(value) => {
                setShare(value);
              }}
              style={{ width: 100 }}
            />
            {isOffice && share !== null && share !== Math.round(settings.controlShare * 100) ? (
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void run(() =>
                    setPlanTilt(year, { enabled: settings.enabled, controlShare: share / 100 }, token),
                  )
                }
              >
                {t('risk.tilt.saveShare')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        {settings.enabled ? null : (
          <Typography.Text type="secondary">{t('risk.tilt.planOff')}</Typography.Text>
        )}
        <Input.Search
          allowClear
          placeholder={t('risk.tilt.search')}
          style={{ maxWidth: 320 }}
          data-testid="tilt-task-search"
          onChange={(event) => {
            setSearch(event.target.value.trim());
          }}
        />
        <Table<RiskTiltTaskDto>
          size="small"
          bordered
          rowKey="code"
          columns={columns}
          dataSource={
            search === ''
              ? settings.tasks
              : settings.tasks.filter((task) => task.code.includes(search) || task.name.includes(search))
          }
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 800 }}
          data-testid="tilt-tasks"
        />
      </Flex>
      <Drawer
        open={opened !== null}
        size="large"
        title={opened === null ? '' : t('risk.alloc.title', { code: opened })}
        onClose={() => {
          setOpened(null);
        }}
        destroyOnHidden
      >
        {opened === null ? null : (
          <AllocationTable key={`${opened}:${String(settings.enabled)}`} year={year} code={opened} />
        )}
      </Drawer>
    </Card>
  );
}
