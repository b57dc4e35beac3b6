import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Tooltip, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { TaskLineDto } from '@ssj/server/api-types';
import type { Translate } from '../i18n/i18n-context.ts';
import { useI18n, useT } from '../i18n/use-t.ts';
import { selectWarningText } from './warning-text.ts';
import { formatRatio, formatWindow } from './format-task-line.ts';
import type { TaskView } from './task-view.ts';

export interface TaskTableProps {
  tasks: readonly TaskView[];
  /** Shows an edit button per task (the import preview). */
  onEdit?: ((task: TaskView) => void) | undefined;
  /** The task to highlight (just jumped to). */
  focusKey?: string | null | undefined;
  testId?: string | undefined;
}

/** The DOM id of a task's row, to scroll to it. */
export function taskRowId(key: string): string {
  return `task-${key}`;
}

/**
 * The annex as a table: 任务编号 … 信用风险分类, one row per task; a task with several lines shows its first and
 * expands to all of them. Warnings (preview) are a badge on the row.
 */
export function TaskTable({ tasks, onEdit, focusKey, testId }: TaskTableProps) {
  const t = useT();
  const { token } = theme.useToken();

  const columns: TableColumnsType<TaskView> = [
    {
      key: 'code',
      title: t('plan.col.code'),
      width: 150,
      fixed: 'start',
      render: (_, task) => <TaskCodeCell task={task} />,
    },
    {
      key: 'name',
      title: t('plan.col.name'),
      width: 220,
      render: (_, task) =>
        task.name === null ? <Typography.Text type="warning">{t('plan.noName')}</Typography.Text> : task.name,
    },
    {
      key: 'matters',
      title: t('plan.col.matters'),
      width: 300,
      render: (_, task) => <FirstLine task={task} render={(line) => <MatterList matters={line.matters} />} />,
    },
    {
      key: 'scope',
      title: t('plan.col.scope'),
      width: 200,
      render: (_, task) => <FirstLine task={task} render={(line) => line.scope ?? '—'} />,
    },
    {
      key: 'ratio',
      title: t('plan.col.ratio'),
      width: 180,
      render: (_, task) => <FirstLine task={task} render={(line) => formatRatio(line, t)} />,
    },
    {
      key: 'window',
      title: t('plan.col.window'),
      width: 110,
      render: (_, task) => <FirstLine task={task} render={(line) => formatWindow(line, t)} />,
    },
    {
      key: 'initiators',
      title: t('plan.col.initiators'),
      width: 150,
      render: (_, task) => joinNames(task.initiators),
    },
    {
      key: 'cooperators',
      title: t('plan.col.cooperators'),
      width: 180,
      render: (_, task) => joinNames(task.cooperators),
    },
    {
      key: 'riskBased',
      title: t('plan.col.riskBased'),
      width: 100,
      render: (_, task) => (task.riskBased ? t('plan.riskBased.yes') : t('plan.riskBased.no')),
    },
  ];
  if (onEdit !== undefined) {
    columns.push({
      key: 'actions',
      title: t('plan.col.actions'),
      width: 90,
      fixed: 'end',
      render: (_, task) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          data-testid={`edit-task-${task.seq}`}
          onClick={() => {
            onEdit(task);
          }}
        >
          {t('plan.edit')}
        </Button>
      ),
    });
  }

  return (
    <Table<TaskView>
      data-testid={testId}
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={tasks}
      scroll={{ x: 1500 }}
      pagination={tasks.length > 80 ? { pageSize: 50, showSizeChanger: false } : false}
      expandable={{
        rowExpandable: (task) => task.lines.length > 1,
        expandedRowRender: (task) => <LinesTable lines={task.lines} t={t} />,
      }}
      onRow={(task) => {
        const attributes: HTMLAttributes<HTMLElement> & { 'data-testid': string } = {
          id: taskRowId(task.key),
          'data-testid': `task-row-${task.code}`,
        };
        if (task.key === focusKey) {
          attributes.style = { background: token.colorPrimaryBg, outline: `2px solid ${token.colorPrimary}` };
        } else if (task.warnings.length > 0 && !task.edited) {
          attributes.style = { background: token.colorWarningBg };
        }
        return attributes;
      }}
    />
  );
}

function TaskCodeCell({ task }: { task: TaskView }) {
  const { t, language } = useI18n();
  return (
    <Flex vertical gap={4} align="flex-start">
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {task.code}
      </Typography.Text>
      {task.warnings.length > 0 ? (
        <Tooltip
          title={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {task.warnings.map((warning, index) => (
                <li key={index}>{selectWarningText(warning, language)}</li>
              ))}
            </ul>
          }
        >
          <Tag color="warning" icon={<WarningOutlined />} data-testid={`task-warning-${task.seq}`}>
            {t('plan.warningCount', { count: task.warnings.length })}
          </Tag>
        </Tooltip>
      ) : null}
      {task.edited ? <Tag color="success">{t('plan.edited')}</Tag> : null}
      {task.lines.length > 1 ? <Tag>{t('plan.lineCount', { count: task.lines.length })}</Tag> : null}
    </Flex>
  );
}

function FirstLine({ task, render }: { task: TaskView; render: (line: TaskLineDto) => ReactNode }) {
  const first = task.lines[0];
  if (first === undefined) return '—';
  return <>{render(first)}</>;
}

/** The matters of a line, one per paragraph. */
export function MatterList({ matters }: { matters: readonly string[] }) {
  if (matters.length === 0) return '—';
  if (matters.length === 1) return <>{matters[0]}</>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 18 }}>
      {matters.map((matter, index) => (
        <li key={index}>{matter}</li>
      ))}
    </ol>
  );
}

function LinesTable({ lines, t }: { lines: readonly TaskLineDto[]; t: Translate }) {
  const columns: TableColumnsType<TaskLineDto & { index: number }> = [
    { key: 'index', title: '#', width: 48, render: (_, line) => line.index + 1 },
    {
      key: 'matters',
      title: t('plan.col.matters'),
      render: (_, line) => <MatterList matters={line.matters} />,
    },
    { key: 'scope', title: t('plan.col.scope'), width: 220, render: (_, line) => line.scope ?? '—' },
    { key: 'ratio', title: t('plan.col.ratio'), width: 200, render: (_, line) => formatRatio(line, t) },
    { key: 'window', title: t('plan.col.window'), width: 120, render: (_, line) => formatWindow(line, t) },
  ];
  return (
    <Table<TaskLineDto & { index: number }>
      size="small"
      rowKey="index"
      columns={columns}
      dataSource={lines.map((line, index) => ({ ...line, index }))}
      pagination={false}
    />
  );
}

function joinNames(names: readonly string[]): string {
  return names.length === 0 ? '—' : names.join('、');
}
