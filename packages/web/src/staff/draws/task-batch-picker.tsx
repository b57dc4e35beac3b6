import { Card, Checkbox, Flex, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { TaskDto } from '@ssj/server/api-types';
import { countBatches } from '../../draw/draw-format.ts';
import { useT } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { formatRatio } from '../../plan/format-task-line.ts';
import { planRegionLabel, planRegionOrder } from '../../plan/plan-regions.ts';

/** The chosen task batches: task code → batch number. */
export type BatchSelection = ReadonlyMap<string, number>;

const allRegions = '*';

export interface TaskBatchPickerProps {
  tasks: readonly TaskDto[];
  selection: BatchSelection;
  onChange: (selection: BatchSelection) => void;
}

function regionOf(task: TaskDto): string {
  return planRegionLabel(task.regionCode, task.regionName);
}

function matches(task: TaskDto, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const departments = [...task.initiators, ...task.cooperators].join(' ');
  return [task.code, task.name, departments].some((text) => text.toLowerCase().includes(needle));
}

/**
 * Step (a) of a 抽取会: the published plan's tasks with a region filter and a search (code, name, department); tick
 * tasks and choose each one's batch (1 … 次/年, default 1). A table on a wide screen, cards on a phone.
 */
export function TaskBatchPicker({ tasks, selection, onChange }: TaskBatchPickerProps) {
  const t = useT();
  const isPhone = useIsPhone();
  const [region, setRegion] = useState(allRegions);
  const [query, setQuery] = useState('');

  const regions = useMemo(
    () => [...new Set(tasks.map(regionOf))].sort((a, b) => planRegionOrder(a) - planRegionOrder(b)),
    [tasks],
  );
  const shown = useMemo(
    () =>
      tasks.filter((task) => (region === allRegions || regionOf(task) === region) && matches(task, query)),
    [tasks, region, query],
  );

  const toggle = (code: string, on: boolean) => {
    const next = new Map(selection);
    if (on) next.set(code, selection.get(code) ?? 1);
    else next.delete(code);
    onChange(next);
  };
  const setBatch = (code: string, batch: number) => {
    const next = new Map(selection);
    next.set(code, batch);
    onChange(next);
  };

  const batchControl = (task: TaskDto) => {
    const count = countBatches(task);
    if (count <= 1) return <Typography.Text>{t('draw.batchLabel', { batch: 1 })}</Typography.Text>;
    return (
      <Select<number>
        size="small"
        data-testid={`draw-task-batch-${task.code}`}
        value={selection.get(task.code) ?? 1}
        onChange={(value) => {
          setBatch(task.code, value);
        }}
        options={Array.from({ length: count }, (_, i) => ({
          value: i + 1,
          label: t('drawPick.batchOf', { batch: i + 1, count }),
        }))}
        style={{ width: 120 }}
      />
    );
  };

  const filters = (
    <Flex gap="small" wrap align="center">
      <Select<string>
        data-testid="draw-region-filter"
        value={region}
        onChange={setRegion}
        options={[
          { value: allRegions, label: t('plan.allRegions', { count: tasks.length }) },
          ...regions.map((label) => ({ value: label, label })),
        ]}
        style={{ width: isPhone ? '100%' : 180 }}
      />
      <Input.Search
        allowClear
        data-testid="draw-task-search"
        placeholder={t('drawPick.search')}
        onChange={(event) => {
          setQuery(event.target.value);
        }}
        onSearch={setQuery}
        style={{ width: isPhone ? '100%' : 340 }}
      />
      <Typography.Text type="secondary">{t('plan.shownCount', { count: shown.length })}</Typography.Text>
    </Flex>
  );

  const selected = [...selection.entries()].sort(([a], [b]) => a.localeCompare(b));
  const summary = (
    <Flex gap={6} wrap align="center" data-testid="draw-selection">
      <Typography.Text strong>{t('drawPick.selected', { count: selected.length })}</Typography.Text>
      {selected.map(([code, batch]) => (
        <Tag
          key={code}
          closable
          onClose={() => {
            toggle(code, false);
          }}
        >
          {code} · {t('draw.batchLabel', { batch })}
        </Tag>
      ))}
    </Flex>
  );

  if (isPhone) {
    return (
      <Flex vertical gap="small" data-testid="draw-task-picker">
        {filters}
        {summary}
        <List<TaskDto>
          dataSource={shown}
          split={false}
          pagination={shown.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
          renderItem={(task) => (
            <List.Item style={{ paddingBlock: 4 }}>
              <Card size="small" style={{ width: '100%' }}>
                <Flex gap="small" align="flex-start">
                  <span data-testid={`draw-task-row-${task.code}`}>
                    <Checkbox
                      checked={selection.has(task.code)}
                      onChange={(event) => {
                        toggle(task.code, event.target.checked);
                      }}
                    />
                  </span>
                  <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text strong>{task.code}</Typography.Text>
                    <Typography.Text>{task.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {regionOf(task)} · {task.lines[0] === undefined ? '—' : formatRatio(task.lines[0], t)}
                    </Typography.Text>
                    {batchControl(task)}
                  </Flex>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      </Flex>
    );
  }

  const columns: TableColumnsType<TaskDto> = [
    { key: 'code', title: t('plan.col.code'), dataIndex: 'code', width: 130 },
    { key: 'name', title: t('plan.col.name'), dataIndex: 'name' },
    { key: 'region', title: t('taskForm.region'), width: 110, render: (_, task) => regionOf(task) },
    {
      key: 'ratio',
      title: t('plan.col.ratio'),
      width: 200,
      render: (_, task) => (task.lines[0] === undefined ? '—' : formatRatio(task.lines[0], t)),
    },
    {
      key: 'initiators',
      title: t('plan.col.initiators'),
      width: 180,
      render: (_, task) => task.initiators.join('、') || '—',
    },
    { key: 'batch', title: t('frames.col.batch'), width: 140, render: (_, task) => batchControl(task) },
  ];

  return (
    <Flex vertical gap="small" data-testid="draw-task-picker">
      {filters}
      {summary}
      <Table<TaskDto>
        size="small"
        bordered
        rowKey="code"
        columns={columns}
        dataSource={shown}
        scroll={{ x: 1000 }}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        rowSelection={{
          selectedRowKeys: [...selection.keys()],
          preserveSelectedRowKeys: true,
          hideSelectAll: true,
          onSelect: (task, checked) => {
            toggle(task.code, checked);
          },
          renderCell: (_checked, task, _index, node) => (
            <span data-testid={`draw-task-row-${task.code}`}>{node}</span>
          ),
        }}
      />
    </Flex>
  );
}
