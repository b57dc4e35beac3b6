import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, List, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { InspectionListItemDto, InspectionStateDto } from '@ssj/server/api-types';
import { getInspections, type InspectionQuery } from '../../api/inspection-endpoints.ts';
import { getDepartments, getPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { planRegionLabel, planRegions } from '../../plan/plan-regions.ts';
import { useSession } from '../../session/use-session.ts';
import { DeadlineTag, DeadlineWarning } from './deadline-tag.tsx';
import { InspectionStatusTag, JointVisitTag } from './inspection-status-tag.tsx';

const PAGE_SIZE = 20;
const STATUSES: readonly InspectionStateDto[] = ['draft', 'returned', 'submitted', 'published'];
const CITY = '140500';

function readStatus(value: string | null): InspectionStateDto | undefined {
  return STATUSES.find((s) => s === value);
}

function readUrgency(value: string | null): 'overdue' | 'due' | undefined {
  return value === 'overdue' || value === 'due' ? value : undefined;
}

function readNumber(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * `/app/inspections` 检查实施: the visits the user sees. An inspector gets its team's visits, due soonest first; the
 * office, department admins and auditors filter by year, status, urgency, region, department, task and search.
 * Every row carries the deadline countdown; a phone gets cards with big touch targets instead of the table.
 */
export function InspectionsPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const role = session?.user.role;
  const isInspector = role === 'inspector';
  const isCity = session?.user.regionCode === CITY;
  const page = readNumber(params.get('page')) ?? 1;
  const query: InspectionQuery = {
    year: readNumber(params.get('year')),
    status: readStatus(params.get('status')),
    urgency: readUrgency(params.get('urgency')),
    region: params.get('region') ?? undefined,
    department: readNumber(params.get('department')),
    task: params.get('task') ?? undefined,
    q: params.get('q') ?? undefined,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const key = `inspections:${JSON.stringify(query)}`;
  const list = useApiQuery(key, (signal) => getInspections(query, signal));
  const years = useApiQuery('plan-years', getPlanYears);
  // The department filter lists the departments of the chosen region (a county user: its own county).
  const departmentRegion = isCity ? query.region : session?.user.regionCode;
  const departments = useApiQuery(isInspector ? null : `departments:${departmentRegion ?? 'all'}`, (signal) =>
    getDepartments(departmentRegion, signal),
  );

  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const data = list.state.status === 'loaded' ? list.state.data : null;
  const width = isPhone ? '100%' : undefined;

  const filters = (
    <Flex wrap gap="small">
      <Select<number>
        allowClear
        placeholder={t('inspections.allYears')}
        value={query.year}
        style={{ width: width ?? 130 }}
        options={
          years.state.status === 'loaded'
            ? years.state.data.map((y) => ({ value: y, label: t('plan.yearOption', { year: y }) }))
            : []
        }
        onChange={(value) => {
          set({ year: value });
        }}
        data-testid="inspections-year"
      />
      <Select<InspectionStateDto>
        allowClear
        placeholder={t('inspections.allStatuses')}
        value={query.status}
        style={{ width: width ?? 130 }}
        options={STATUSES.map((s) => ({ value: s, label: t(`inspectionStatus.${s}`) }))}
        onChange={(value) => {
          set({ status: value });
        }}
        data-testid="inspections-status"
      />
      <Select<'overdue' | 'due'>
        allowClear
        placeholder={t('inspections.anyUrgency')}
        value={query.urgency}
        style={{ width: width ?? 150 }}
        options={[
          { value: 'due', label: t('inspections.urgency.due') },
          { value: 'overdue', label: t('inspections.urgency.overdue') },
        ]}
        onChange={(value) => {
          set({ urgency: value });
        }}
        data-testid="inspections-urgency"
      />
      {isInspector ? null : (
        <>
          {isCity ? (
            <Select<string>
              allowClear
              placeholder={t('registers.allRegions')}
              value={query.region}
              style={{ width: width ?? 140 }}
              options={planRegions.map((r) => ({ value: r.code, label: r.label }))}
              onChange={(value) => {
                set({ region: value, department: undefined });
              }}
              data-testid="inspections-region"
            />
          ) : null}
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('inspections.allDepartments')}
            value={query.department}
            style={{ width: width ?? 240 }}
            options={
              departments.state.status === 'loaded'
                ? departments.state.data.map((d) => ({ value: d.id, label: d.name }))
                : []
            }
            onChange={(value) => {
              set({ department: value });
            }}
            data-testid="inspections-department"
          />
          <Input.Search
            allowClear
            placeholder={t('inspections.taskCode')}
            defaultValue={query.task}
            style={{ width: width ?? 160 }}
            onSearch={(value) => {
              set({ task: value.trim().toUpperCase() });
            }}
            data-testid="inspections-task"
          />
        </>
      )}
      <Input.Search
        allowClear
        placeholder={t('inspections.search')}
        defaultValue={query.q}
        style={{ width: width ?? 280 }}
        size={isPhone ? 'large' : 'middle'}
        onSearch={(value) => {
          set({ q: value.trim() });
        }}
        data-testid="inspections-search"
      />
    </Flex>
  );

  return (
    <Card
      title={t(isInspector ? 'inspections.mine' : 'inspections.title')}
      size={isPhone ? 'small' : 'default'}
      extra={
        data === null ? null : (
          <Typography.Text type="secondary" data-testid="inspections-total">
            {t('inspections.total', { count: data.total })}
          </Typography.Text>
        )
      }
    >
      <Flex vertical gap="middle">
        {filters}
        {data === null ? null : (
          <Typography.Text type="secondary">{t('inspections.today', { date: data.today })}</Typography.Text>
        )}
        {list.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('inspections.loadFailed')}
            error={list.state.error}
            onRetry={list.reload}
          />
        ) : null}
        {isPhone ? (
          <InspectionCards
            loading={list.state.status === 'loading'}
            items={data?.inspections ?? []}
            page={page}
            total={data?.total ?? 0}
            onPage={(p) => {
              set({ page: p });
            }}
          />
        ) : (
          <InspectionTable
            loading={list.state.status === 'loading'}
            items={data?.inspections ?? []}
            page={page}
            total={data?.total ?? 0}
            onPage={(p) => {
              set({ page: p });
            }}
          />
        )}
      </Flex>
    </Card>
  );
}

interface ListProps {
  loading: boolean;
  items: readonly InspectionListItemDto[];
  page: number;
  total: number;
  onPage: (page: number) => void;
}

function TaskLines({ item }: { item: InspectionListItemDto }) {
  return (
    <Flex vertical gap={2}>
      {item.tasks.map((task) => (
        <Typography.Text key={`${task.taskId}/${task.batch}`} style={{ fontSize: 13 }}>
          <Typography.Text code>{task.code}</Typography.Text> {task.name}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function InspectionTable({ loading, items, page, total, onPage }: ListProps) {
  const t = useT();
  const columns: TableColumnsType<InspectionListItemDto> = useMemo(
    () => [
      {
        key: 'object',
        title: t('inspections.col.object'),
        width: 220,
        render: (_, item) => (
          <Flex vertical>
            <Link to={`/app/inspections/${item.id}`} data-testid={`inspection-link-${item.id}`}>
              {item.objectName}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.canonicalId}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'tasks',
        title: t('inspections.col.tasks'),
        width: 280,
        render: (_, item) => (
          <Flex vertical gap={4}>
            <JointVisitTag taskCount={item.tasks.length} />
            <TaskLines item={item} />
          </Flex>
        ),
      },
      {
        key: 'region',
        title: t('inspections.col.region'),
        width: 80,
        render: (_, item) => planRegionLabel(item.regionCode, item.regionName),
      },
      {
        key: 'department',
        title: t('inspections.col.department'),
        dataIndex: 'responsibleDepartmentName',
        width: 150,
      },
      {
        key: 'window',
        title: t('inspections.col.window'),
        width: 110,
        render: (_, item) => (
          <Typography.Text style={{ fontSize: 12 }}>
            {item.windowFrom}
            <br />～{item.windowTo}
          </Typography.Text>
        ),
      },
      {
        key: 'deadline',
        title: t('inspections.col.deadline'),
        width: 160,
        render: (_, item) => (
          <Flex vertical gap={4} align="flex-start">
            <Typography.Text style={{ fontSize: 12 }}>{item.deadline}</Typography.Text>
            <DeadlineTag status={item.deadlineStatus} deadline={item.deadline} />
            {item.deadlineWarning === null ? null : (
              <DeadlineWarning warning={item.deadlineWarning} compact />
            )}
          </Flex>
        ),
      },
      {
        key: 'status',
        title: t('inspections.col.status'),
        width: 90,
        render: (_, item) => <InspectionStatusTag status={item.status} />,
      },
      {
        key: 'open',
        title: '',
        width: 80,
        render: (_, item) => (
          <Link to={`/app/inspections/${item.id}`}>
            {t('inspections.open')} <RightOutlined />
          </Link>
        ),
      },
    ],
    [t],
  );
  return (
    <Table<InspectionListItemDto>
      data-testid="inspections-table"
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={[...items]}
      scroll={{ x: 1160 }}
      locale={{ emptyText: <Empty description={t('inspections.none')} /> }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        onChange: onPage,
      }}
    />
  );
}

function InspectionCards({ loading, items, page, total, onPage }: ListProps) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <List<InspectionListItemDto>
      data-testid="inspections-table"
      loading={loading}
      dataSource={[...items]}
      split={false}
      locale={{ emptyText: <Empty description={t('inspections.none')} /> }}
      pagination={
        total > PAGE_SIZE
          ? {
              current: page,
              pageSize: PAGE_SIZE,
              total,
              size: 'small',
              showSizeChanger: false,
              onChange: onPage,
            }
          : false
      }
      renderItem={(item) => (
        <List.Item style={{ paddingBlock: 6 }}>
          <Card
            size="small"
            style={{ width: '100%' }}
            data-testid={`inspection-card-${item.id}`}
            title={
              <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                {item.objectName}
              </Typography.Text>
            }
          >
            <Flex vertical gap={8}>
              <Flex wrap gap={4}>
                <InspectionStatusTag status={item.status} />
                <DeadlineTag status={item.deadlineStatus} deadline={item.deadline} />
                <JointVisitTag taskCount={item.tasks.length} />
                {item.deadlineWarning === null ? null : (
                  <DeadlineWarning warning={item.deadlineWarning} compact />
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.canonicalId} · {planRegionLabel(item.regionCode, item.regionName)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>{item.address}</Typography.Text>
              <TaskLines item={item} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspections.windowAndDeadline', {
                  from: item.windowFrom,
                  to: item.windowTo,
                  deadline: item.deadline,
                })}
              </Typography.Text>
              <Button
                type="primary"
                size="large"
                block
                data-testid={`inspection-link-${item.id}`}
                onClick={() => {
                  void navigate(`/app/inspections/${item.id}`);
                }}
              >
                {t('inspections.openCard')} <RightOutlined />
              </Button>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
