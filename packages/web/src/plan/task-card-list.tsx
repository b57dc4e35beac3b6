import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Divider, Flex, List, Tag, Typography, theme } from 'antd';
import { useT } from '../i18n/use-t.ts';
import { formatRatio, formatWindow } from './format-task-line.ts';
import { MatterList, taskRowId } from './task-table.tsx';
import type { TaskTableProps } from './task-table.tsx';
import type { TaskView } from './task-view.ts';

/** The task table for a narrow screen: one card per task, every line in full. */
export function TaskCardList({ tasks, onEdit, focusKey, testId }: TaskTableProps) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <List<TaskView>
      data-testid={testId}
      dataSource={[...tasks]}
      pagination={tasks.length > 30 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      split={false}
      renderItem={(task) => {
        const highlighted = task.key === focusKey;
        return (
          <List.Item style={{ paddingBlock: 6 }}>
            <Card
              size="small"
              id={taskRowId(task.key)}
              data-testid={`task-row-${task.code}`}
              style={{
                width: '100%',
                borderColor: highlighted ? token.colorPrimary : undefined,
                background: task.warnings.length > 0 && !task.edited ? token.colorWarningBg : undefined,
              }}
              title={
                <Flex gap="small" align="center" wrap>
                  <Typography.Text strong>{task.code}</Typography.Text>
                  {task.warnings.length > 0 ? (
                    <Tag color="warning" icon={<WarningOutlined />}>
                      {t('plan.warningCount', { count: task.warnings.length })}
                    </Tag>
                  ) : null}
                  {task.edited ? <Tag color="success">{t('plan.edited')}</Tag> : null}
                </Flex>
              }
              extra={
                onEdit === undefined ? null : (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    data-testid={`edit-task-${task.seq}`}
                    onClick={() => {
                      onEdit(task);
                    }}
                  />
                )
              }
            >
              <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                {task.name ?? t('plan.noName')}
              </Typography.Paragraph>
              {task.lines.map((line, lineIndex) => (
                <div key={lineIndex}>
                  {lineIndex > 0 ? <Divider style={{ marginBlock: 8 }} /> : null}
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'matters',
                        label: t('plan.col.matters'),
                        children: <MatterList matters={line.matters} />,
                      },
                      { key: 'scope', label: t('plan.col.scope'), children: line.scope ?? '—' },
                      { key: 'ratio', label: t('plan.col.ratio'), children: formatRatio(line, t) },
                      { key: 'window', label: t('plan.col.window'), children: formatWindow(line, t) },
                    ]}
                  />
                </div>
              ))}
              <Divider style={{ marginBlock: 8 }} />
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'initiators',
                    label: t('plan.col.initiators'),
                    children: task.initiators.join('、') || '—',
                  },
                  {
                    key: 'cooperators',
                    label: t('plan.col.cooperators'),
                    children: task.cooperators.join('、') || '—',
                  },
                  {
                    key: 'riskBased',
                    label: t('plan.col.riskBased'),
                    children: task.riskBased ? t('plan.riskBased.yes') : t('plan.riskBased.no'),
                  },
                ]}
              />
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
