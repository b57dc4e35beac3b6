import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { DrawDto, DrawSessionDto } from '@ssj/server/api-types';
import { getDraw, getDrawSession } from '../api/draw-endpoints.ts';
import { useApiQuery } from '../api/use-api-query.ts';
import { DrawTargetsTable } from '../draw/draw-targets-table.tsx';
import { HashText } from '../draw/hash-text.tsx';
import { VerifyPanel } from '../draw/verify-panel.tsx';
import { formatDateTime } from '../i18n/format-date.ts';
import { useI18n } from '../i18n/use-t.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { QueryErrorAlert } from '../layout/query-error-alert.tsx';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { isApiStatus } from '../api/api-error.ts';
import { PortalFrame } from './portal-frame.tsx';

/**
 * `/public/draws/:id`: one published draw (DOMAIN.md §4.4): the drawn list with tickets and teams; the seed, its
 * witnesses, the frame hash published before the seed, the record's fingerprint and the record itself; and 验证, which
 * recomputes the draw in the visitor's browser.
 */
export function PublicDrawPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const draw = useApiQuery(valid ? `public-draw:${id}` : null, (signal) => getDraw(id, signal));
  const sessionId = draw.state.status === 'loaded' ? draw.state.data.sessionId : null;
  const session = useApiQuery(sessionId === null ? null : `public-draw-session:${sessionId}`, (signal) =>
    getDrawSession(sessionId ?? 0, signal),
  );

  const back = (
    <Link to="/public/draws">
      <ArrowLeftOutlined /> {t('publicDraws.back')}
    </Link>
  );
  if (!valid || (draw.state.status === 'error' && isApiStatus(draw.state.error, 404))) {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <NotFoundPage home="/public/draws" />
      </PortalFrame>
    );
  }
  if (draw.state.status === 'loading') {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <Skeleton active paragraph={{ rows: 8 }} />
      </PortalFrame>
    );
  }
  if (draw.state.status === 'error') {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <QueryErrorAlert title={t('publicDraw.loadFailed')} error={draw.state.error} onRetry={draw.reload} />
      </PortalFrame>
    );
  }

  const data = draw.state.data;
  const sessionData = session.state.status === 'loaded' ? session.state.data : null;
  return (
    <PortalFrame maxWidth={1400}>
      {back}
      <Flex vertical gap={4}>
        <Typography.Title level={isPhone ? 4 : 3} style={{ margin: 0 }} data-testid="public-draw-title">
          {data.taskCode} {data.taskName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('publicDraw.subtitle', { year: data.year, batch: data.batch, count: data.targets.length })}
        </Typography.Text>
      </Flex>
      {data.supersededBy === null ? null : (
        <Alert
          type="warning"
          showIcon
          title={t('publicDraw.superseded')}
          action={<Link to={`/public/draws/${data.supersededBy}`}>{t('publicDraw.toNewer')}</Link>}
        />
      )}
      <DrawFacts draw={data} session={sessionData} />
      {session.state.status === 'error' ? (
        <QueryErrorAlert
          title={t('publicDraw.loadFailed')}
          error={session.state.error}
          onRetry={session.reload}
        />
      ) : null}
      <VerifyPanel draw={data} session={sessionData} />
      <Card
        title={t('publicDraw.targets', { count: data.targets.length })}
        size={isPhone ? 'small' : 'default'}
      >
        <DrawTargetsTable targets={data.targets} />
      </Card>
    </PortalFrame>
  );
}

function DrawFacts({ draw, session }: { draw: DrawDto; session: DrawSessionDto | null }) {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const seed = session?.seed ?? null;
  return (
    <Card size={isPhone ? 'small' : 'default'} data-testid="public-draw-facts">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        size="small"
        items={[
          { key: 'task', label: t('publicDraw.task'), children: `${draw.taskCode} ${draw.taskName}` },
          {
            key: 'batch',
            label: t('frames.col.batch'),
            children: t('draw.batchLabel', { batch: draw.batch }),
          },
          {
            key: 'session',
            label: t('publicDraw.session'),
            children: (
              <Link to={`/public/draw-sessions/${draw.sessionId}`}>
                {session?.title ?? t('publicDraw.sessionNumber', { id: draw.sessionId })}
              </Link>
            ),
          },
          {
            key: 'created',
            label: t('publicDraw.createdAt'),
            children: formatDateTime(draw.createdAt, language),
          },
          {
            key: 'seed',
            label: t('publicDraw.seed'),
            span: 'filled',
            children: seed === null ? '—' : <HashText value={seed.digits} testId="public-draw-seed" />,
          },
          {
            key: 'beacon',
            label: t('publicDraw.beacon'),
            children: seed?.beacon ?? t('publicDraw.noBeacon'),
          },
          {
            key: 'witnesses',
            label: t('publicDraw.witnesses'),
            children:
              seed === null ? (
                '—'
              ) : (
                <Flex wrap gap={4}>
                  {seed.witnesses.map((name) => (
                    <Tag key={name}>{name}</Tag>
                  ))}
                </Flex>
              ),
          },
          {
            key: 'seedAt',
            label: t('publicDraw.seedAt'),
            children: seed === null ? '—' : formatDateTime(seed.enteredAt, language),
          },
          {
            key: 'frozenAt',
            label: t('publicDraw.frozenAt'),
            children: session === null ? '—' : formatDateTime(session.frozenAt, language),
          },
          { key: 'frameSize', label: t('frames.col.size'), children: draw.frameSize },
          {
            key: 'frameHash',
            label: t('publicDraw.frameHash'),
            span: 'filled',
            children: <HashText value={draw.frameHash} testId="public-draw-frame-hash" />,
          },
          {
            key: 'recordSha256',
            label: t('publicDraw.recordSha256'),
            span: 'filled',
            children: (
              <Flex vertical gap={2}>
                <HashText value={draw.recordSha256} testId="public-draw-record-sha256" />
                <Typography.Text type="secondary">{t('publicDraw.recordSha256Hint')}</Typography.Text>
              </Flex>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('publicDraw.howItWorks')}
      </Typography.Paragraph>
    </Card>
  );
}
