import { Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { getJointVisits } from '../../api/draw-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';

/**
 * 联合检查建议: objects drawn by several tasks whose windows overlap (DOMAIN.md §3: one visit checks all their
 * matters). Dispatch merges them into one inspection while the visit has not been done yet.
 */
export function JointVisitsCard({ year }: { year: number }) {
  const t = useT();
  const visits = useApiQuery(`joint-visits:${year}`, (signal) => getJointVisits(year, signal));
  return (
    <Card title={t('jointVisits.title', { year })} data-testid="joint-visits">
      <Typography.Paragraph type="secondary">{t('jointVisits.explain')}</Typography.Paragraph>
      {visits.state.status === 'loading' ? <Skeleton active /> : null}
      {visits.state.status === 'error' ? (
        <QueryErrorAlert
          title={t('jointVisits.loadFailed')}
          error={visits.state.error}
          onRetry={visits.reload}
        />
      ) : null}
      {visits.state.status === 'loaded' && visits.state.data.length === 0 ? (
        <Empty description={t('jointVisits.none')} />
      ) : null}
      {visits.state.status === 'loaded' && visits.state.data.length > 0 ? (
        <List
          size="small"
          pagination={{ pageSize: 10, size: 'small' }}
          dataSource={visits.state.data}
          renderItem={(visit) => (
            <List.Item>
              <List.Item.Meta
                title={`${visit.objectName}（${visit.canonicalId}）`}
                description={
                  <>
                    <Typography.Text type="secondary">
                      {t('jointVisits.window', {
                        region: visit.regionName,
                        from: visit.window.fromMonth,
                        to: visit.window.toMonth,
                      })}
                    </Typography.Text>
                    <div>
                      {visit.tasks.map((task) => (
                        <Tag key={`${task.code}/${String(task.batch)}`}>
                          {task.code} {task.name}
                        </Tag>
                      ))}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
