import { CheckOutlined, CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ChangeRequestDto, ChangeStatus, TaskDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import {
  approveChangeRequest,
  changeRequestLetterUrl,
  rejectChangeRequest,
} from '../../api/plan-endpoints.ts';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { TaskTable } from '../../plan/task-table.tsx';
import { taskViewFromDto, taskViewFromInput } from '../../plan/task-view.ts';
import { useSession } from '../../session/use-session.ts';
import { DecisionModal } from './decision-modal.tsx';
import type { Decision } from './decision-modal.tsx';

const statusColors: Record<ChangeStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
const kindColors = { add: 'green', adjust: 'orange', withdraw: 'red' } as const;

export interface ChangeRequestListProps {
  year: number;
  requests: readonly ChangeRequestDto[];
  /** The plan's current tasks, to name the task a request is about and to compare. */
  tasks: readonly TaskDto[];
  /** The office may approve and reject pending requests. */
  canDecide: boolean;
  onDecided: (request: ChangeRequestDto) => void;
}

/** Change requests, pending first: what is asked, by whom, the letter, the decision; the office decides here. */
export function ChangeRequestList({ year, requests, tasks, canDecide, onDecided }: ChangeRequestListProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [deciding, setDeciding] = useState<{ request: ChangeRequestDto; decision: Decision } | null>(null);
  const [pending, setPending] = useState(false);

  const rows = [...requests].sort(
    (a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || b.id - a.id,
  );
  const taskByCode = new Map(tasks.map((task) => [task.code, task]));

  const decide = async (reason: string) => {
    if (deciding === null || csrfToken === null) return;
    setPending(true);
    try {
      const { request, decision } = deciding;
      const decided =
        decision === 'approve'
          ? await approveChangeRequest(request.id, reason, csrfToken)
          : await rejectChangeRequest(request.id, reason, csrfToken);
      setDeciding(null);
      void message.success(
        decided.status === 'approved'
          ? t('changes.approved', { id: decided.id, version: decided.resultingVersion ?? '—' })
          : t('changes.rejected', { id: decided.id }),
      );
      onDecided(decided);
    } catch (error) {
      void message.error(t('changes.decideFailed', { reason: describeError(error, t) }));
    } finally {
      setPending(false);
    }
  };

  const columns: TableColumnsType<ChangeRequestDto> = [
    { key: 'id', title: t('changes.col.id'), width: 70, render: (_, request) => `#${request.id}` },
    {
      key: 'kind',
      title: t('changes.col.kind'),
      width: 90,
      render: (_, request) => <Tag color={kindColors[request.kind]}>{t(`changeKind.${request.kind}`)}</Tag>,
    },
    {
      key: 'task',
      title: t('changes.col.task'),
      width: 260,
      render: (_, request) => {
        const name =
          request.task?.name ?? (request.taskCode === null ? null : taskByCode.get(request.taskCode)?.name);
        return (
          <Flex vertical>
            <Typography.Text strong>{request.taskCode ?? t('changes.newTask')}</Typography.Text>
            {name === null || name === undefined ? null : <Typography.Text>{name}</Typography.Text>}
          </Flex>
        );
      },
    },
    {
      key: 'department',
      title: t('changes.col.department'),
      width: 200,
      render: (_, request) => (
        <Flex vertical>
          <span>{request.departmentName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {request.submittedBy} · {formatDateTime(request.submittedAt, language)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'reason', title: t('changes.col.reason'), width: 240, render: (_, request) => request.reason },
    {
      key: 'letter',
      title: t('changes.col.letter'),
      width: 180,
      render: (_, request) => (
        <a
          href={changeRequestLetterUrl(request.id)}
          target="_blank"
          rel="noreferrer"
          data-testid={`letter-${request.id}`}
          title={`SHA-256 ${request.letter.sha256}`}
        >
          <PaperClipOutlined /> {request.letter.fileName} ({formatSize(request.letter.size)})
        </a>
      ),
    },
    {
      key: 'status',
      title: t('changes.col.status'),
      width: 220,
      render: (_, request) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={statusColors[request.status]} data-testid={`status-${request.id}`}>
            {t(`changeStatus.${request.status}`)}
          </Tag>
          {request.resultingVersion === null ? null : (
            <Typography.Text>{t('plan.versionLabel', { version: request.resultingVersion })}</Typography.Text>
          )}
          {request.decidedBy === null || request.decidedAt === null ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {request.decidedBy} · {formatDateTime(request.decidedAt, language)}
            </Typography.Text>
          )}
          {request.decisionReason === null || request.decisionReason === '' ? null : (
            <Typography.Text type="secondary">{request.decisionReason}</Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
  if (canDecide) {
    columns.push({
      key: 'actions',
      title: t('changes.col.actions'),
      width: 180,
      fixed: 'end',
      render: (_, request) =>
        request.status === 'pending' ? (
          <Flex gap="small" wrap>
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              data-testid={`approve-${request.id}`}
              onClick={() => {
                setDeciding({ request, decision: 'approve' });
              }}
            >
              {t('decision.approve')}
            </Button>
            <Button
              size="small"
              danger
              icon={<CloseOutlined />}
              data-testid={`reject-${request.id}`}
              onClick={() => {
                setDeciding({ request, decision: 'reject' });
              }}
            >
              {t('decision.reject')}
            </Button>
          </Flex>
        ) : null,
    });
  }

  if (rows.length === 0) return <Empty description={t('changes.none')} data-testid="change-request-list" />;

  return (
    <>
      <Table<ChangeRequestDto>
        data-testid="change-request-list"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 1400 }}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        onRow={(request) => {
          const attributes = {
            id: `change-request-${request.id}`,
            'data-testid': `change-request-${request.id}`,
          };
          return attributes;
        }}
        expandable={{
          rowExpandable: (request) => request.task !== null || request.taskCode !== null,
          expandedRowRender: (request) => {
            // Once decided, the plan's task is the result, no longer the state the request started from.
            const current =
              request.taskCode === null || request.status !== 'pending'
                ? undefined
                : taskByCode.get(request.taskCode);
            return (
              <Flex vertical gap="small">
                {current === undefined ? null : (
                  <>
                    <Typography.Text strong>{t('changes.currentTask')}</Typography.Text>
                    <TaskTable tasks={[taskViewFromDto(current)]} />
                  </>
                )}
                {request.task === null ? null : (
                  <>
                    <Typography.Text strong>{t('changes.proposedTask')}</Typography.Text>
                    <TaskTable
                      tasks={[
                        {
                          ...taskViewFromInput(request.task, year),
                          code: request.taskCode ?? t('changes.newTask'),
                        },
                      ]}
                    />
                  </>
                )}
              </Flex>
            );
          },
        }}
      />
      <DecisionModal
        request={deciding?.request ?? null}
        decision={deciding?.decision ?? 'approve'}
        pending={pending}
        onCancel={() => {
          setDeciding(null);
        }}
        onConfirm={(reason) => {
          void decide(reason);
        }}
      />
    </>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
