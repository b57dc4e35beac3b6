import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { InspectionDto } from '@ssj/server/api-types';
import { isApiStatus } from '../../api/api-error.ts';
import { getInspection } from '../../api/inspection-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { NotFoundPage } from '../../layout/not-found-page.tsx';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { DeadlineTag, DeadlineWarning } from './deadline-tag.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import { HistoryCard, ObjectCard, TasksAndTeamCard } from './inspection-facts.tsx';
import { InspectionEntryForm, InspectionEntryView } from './inspection-entry-form.tsx';
import { InspectionStatusTag, JointVisitTag } from './inspection-status-tag.tsx';
import { ReviewPanel } from './review-panel.tsx';
import { ObjectRiskCard } from '../risk/object-risk-card.tsx';

/** Today in China (YYYY-MM-DD), for licence expiry. */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * `/app/inspections/:id`: one visit. The team reads the object, its licences and earlier results, the tasks and
 * matters with their deadlines and the team; records a result per matter (or 采信 an offered one), the method, date
 * and findings, uploads photos and PDFs, saves a draft and submits. A returned entry shows the reason on top. The
 * responsible department's admin returns it with a reason or approves it, which publishes it.
 */
export function InspectionPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const query = useApiQuery(valid ? `inspection:${id}` : null, (signal) => getInspection(id, signal));
  // The entry form starts from the server's copy; a new copy after save, submit or review starts it afresh, while an
  // evidence upload keeps what is being typed.
  const [formVersion, setFormVersion] = useState(0);

  const back = (
    <Link to="/app/inspections">
      <ArrowLeftOutlined /> {t('inspection.back')}
    </Link>
  );
  if (!valid || (query.state.status === 'error' && isApiStatus(query.state.error, 404))) {
    return <NotFoundPage home="/app/inspections" />;
  }
  if (query.state.status === 'loading') {
    return (
      <Flex vertical gap="middle">
        {back}
        <Skeleton active paragraph={{ rows: 10 }} />
      </Flex>
    );
  }
  if (query.state.status === 'error') {
    return (
      <Flex vertical gap="middle">
        {back}
        <QueryErrorAlert
          title={t('inspection.loadFailed')}
          error={query.state.error}
          onRetry={query.reload}
        />
      </Flex>
    );
  }

  const inspection = query.state.data;
  const replace = (next: InspectionDto) => {
    query.update(next);
    setFormVersion((v) => v + 1);
  };
  const today = chinaToday();

  return (
    <Flex vertical gap={isPhone ? 'small' : 'middle'} data-testid="inspection-page" data-id={inspection.id}>
      {back}
      <Card size={isPhone ? 'small' : 'default'}>
        <Flex vertical gap="small">
          <Typography.Title level={isPhone ? 5 : 4} style={{ margin: 0 }} data-testid="inspection-title">
            {inspection.objectName}
          </Typography.Title>
          <Flex wrap gap={4}>
            <InspectionStatusTag status={inspection.status} />
            <DeadlineTag status={inspection.deadlineStatus} deadline={inspection.deadline} />
            <JointVisitTag taskCount={inspection.tasks.length} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inspection.deadlineLine', {
              deadline: inspection.deadline,
              department: inspection.responsibleDepartmentName,
            })}
            {inspection.publishedOn === null
              ? ''
              : t('inspection.publishedOn', { date: inspection.publishedOn })}
          </Typography.Text>
          {inspection.deadlineWarning === null ? null : (
            <DeadlineWarning warning={inspection.deadlineWarning} />
          )}
          {inspection.status === 'returned' && inspection.returnReason !== null ? (
            <Alert
              type="error"
              showIcon
              data-testid="return-reason"
              title={t('inspection.returnedTitle')}
              description={<Typography.Text strong>{inspection.returnReason}</Typography.Text>}
            />
          ) : null}
        </Flex>
      </Card>
      <Row gutter={[16, isPhone ? 8 : 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={isPhone ? 'small' : 'middle'}>
            {inspection.canEdit ? (
              <InspectionEntryForm key={formVersion} inspection={inspection} onSaved={replace} />
            ) : (
              <InspectionEntryView inspection={inspection} />
            )}
            <EvidencePanel inspection={inspection} onChanged={query.update} />
            <ReviewPanel inspection={inspection} onReviewed={replace} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={isPhone ? 'small' : 'middle'}>
            <ObjectCard inspection={inspection} today={today} />
            <ObjectRiskCard objectKey={inspection.canonicalId} />
            <TasksAndTeamCard inspection={inspection} />
            <HistoryCard inspection={inspection} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
