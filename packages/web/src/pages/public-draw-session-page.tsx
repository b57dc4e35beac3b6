import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiStatus } from '../api/api-error.ts';
import { getDrawSession } from '../api/draw-endpoints.ts';
import { useApiQuery } from '../api/use-api-query.ts';
import { FramesTable } from '../draw/frames-table.tsx';
import { HashText } from '../draw/hash-text.tsx';
import { SessionStatusTag } from '../draw/session-status-tag.tsx';
import { formatDateTime } from '../i18n/format-date.ts';
import { useI18n } from '../i18n/use-t.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { QueryErrorAlert } from '../layout/query-error-alert.tsx';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { PortalFrame } from './portal-frame.tsx';

/**
 * `/public/draw-sessions/:id`: one 抽取会 as the public sees it: the frozen frames and their hashes (public before
 * the seed exists, DOMAIN.md §4.1), then the seed and its witnesses, then links to the published draws.
 */
export function PublicDrawSessionPage() {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const session = useApiQuery(valid ? `public-draw-session:${id}` : null, (signal) =>
    getDrawSession(id, signal),
  );

  const back = (
    <Link to="/public/draws">
      <ArrowLeftOutlined /> {t('publicDraws.back')}
    </Link>
  );
  if (!valid || (session.state.status === 'error' && isApiStatus(session.state.error, 404))) {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <NotFoundPage home="/public/draws" />
      </PortalFrame>
    );
  }
  if (session.state.status === 'loading') {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <Skeleton active paragraph={{ rows: 6 }} />
      </PortalFrame>
    );
  }
  if (session.state.status === 'error') {
    return (
      <PortalFrame maxWidth={1400}>
        {back}
        <QueryErrorAlert
          title={t('publicDraw.loadFailed')}
          error={session.state.error}
          onRetry={session.reload}
        />
      </PortalFrame>
    );
  }

  const data = session.state.data;
  return (
    <PortalFrame maxWidth={1400}>
      {back}
      <Flex gap="small" align="center" wrap>
        <Typography.Title level={isPhone ? 4 : 3} style={{ margin: 0 }} data-testid="public-session-title">
          {data.title}
        </Typography.Title>
        <SessionStatusTag status={data.status} />
      </Flex>
      <Card size={isPhone ? 'small' : 'default'}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'year', label: t('publicDraws.col.year'), children: data.year },
            {
              key: 'frozenAt',
              label: t('publicDraw.frozenAt'),
              children: formatDateTime(data.frozenAt, language),
            },
            {
              key: 'seed',
              label: t('publicDraw.seed'),
              span: 'filled',
              children:
                data.seed === null ? t('drawSession.noSeedYet') : <HashText value={data.seed.digits} />,
            },
            ...(data.seed === null
              ? []
              : [
                  {
                    key: 'beacon',
                    label: t('publicDraw.beacon'),
                    children: data.seed.beacon ?? t('publicDraw.noBeacon'),
                  },
                  {
                    key: 'witnesses',
                    label: t('publicDraw.witnesses'),
                    children: (
                      <Flex wrap gap={4}>
                        {data.seed.witnesses.map((name) => (
                          <Tag key={name}>{name}</Tag>
                        ))}
                      </Flex>
                    ),
                  },
                  {
                    key: 'seedAt',
                    label: t('publicDraw.seedAt'),
                    children: formatDateTime(data.seed.enteredAt, language),
                  },
                ]),
            {
              key: 'publishedAt',
              label: t('drawSession.publishedAt'),
              children: data.publishedAt === null ? '—' : formatDateTime(data.publishedAt, language),
            },
          ]}
        />
      </Card>
      {data.seed === null ? (
        <Alert type="info" showIcon title={t('frames.publicBeforeSeed')} data-testid="frames-before-seed" />
      ) : null}
      <Card title={t('frames.title', { count: data.frames.length })} size={isPhone ? 'small' : 'default'}>
        <FramesTable frames={data.frames} />
      </Card>
    </PortalFrame>
  );
}
