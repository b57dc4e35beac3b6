import { ArrowLeftOutlined, ExportOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { isApiStatus } from '../../api/api-error.ts';
import { describeError } from '../../api/describe-error.ts';
import { getDrawSession, publishDrawSession } from '../../api/draw-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { FramesTable } from '../../draw/frames-table.tsx';
import { HashText } from '../../draw/hash-text.tsx';
import { SessionStatusTag } from '../../draw/session-status-tag.tsx';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { NotFoundPage } from '../../layout/not-found-page.tsx';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { DrawSteps } from './draw-steps.tsx';
import { PublishedDraws } from './published-draws.tsx';
import { SeedCeremonyForm } from './seed-ceremony-form.tsx';

/**
 * `/app/draws/:id`: one 抽取会 step by step: (b) the frozen frames and their hashes (public already, before the seed),
 * (c) the seed ceremony, (d) 抽取并公示 and the published draws. The office acts; others follow read-only.
 */
export function DrawSessionPage() {
  const { t, language } = useI18n();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const { session: login } = useSession();
  const isOffice = login?.user.role === 'office_admin';
  const query = useApiQuery(valid ? `draw-session:${id}` : null, (signal) => getDrawSession(id, signal));

  const back = (
    <Link to="/app/draws">
      <ArrowLeftOutlined /> {t('drawSession.back')}
    </Link>
  );
  if (!valid || (query.state.status === 'error' && isApiStatus(query.state.error, 404))) {
    return <NotFoundPage home="/app/draws" />;
  }
  if (query.state.status === 'loading') {
    return (
      <Flex vertical gap="middle">
        {back}
        <Skeleton active paragraph={{ rows: 8 }} />
      </Flex>
    );
  }
  if (query.state.status === 'error') {
    return (
      <Flex vertical gap="middle">
        {back}
        <QueryErrorAlert
          title={t('drawSession.loadFailed')}
          error={query.state.error}
          onRetry={query.reload}
        />
      </Flex>
    );
  }

  const session = query.state.data;
  return (
    <Flex vertical gap="middle">
      {back}
      <Card
        title={
          <Flex gap="small" align="center" wrap>
            <Typography.Text strong data-testid="draw-session-title-text">
              {session.title}
            </Typography.Text>
            <SessionStatusTag status={session.status} />
          </Flex>
        }
        extra={
          <Link to={`/public/draw-sessions/${session.id}`} target="_blank" rel="noopener">
            {t('drawSession.publicPage')} <ExportOutlined />
          </Link>
        }
      >
        <DrawSteps status={session.status} />
      </Card>
      <Card title={t('frames.title', { count: session.frames.length })}>
        <Flex vertical gap="middle">
          <Alert
            type="info"
            showIcon
            title={t('frames.publicBeforeSeed')}
            description={t('frames.publicBeforeSeedDetail', {
              time: formatDateTime(session.frozenAt, language),
            })}
            data-testid="frames-before-seed"
          />
          <FramesTable frames={session.frames} />
        </Flex>
      </Card>
      <Card title={t('drawSteps.seed')}>
        {session.seed === null ? (
          isOffice ? (
            <SeedCeremonyForm session={session} onSeeded={query.update} />
          ) : (
            <Typography.Text type="secondary">{t('drawSession.noSeedYet')}</Typography.Text>
          )
        ) : (
          <SeedFacts seed={session.seed} />
        )}
      </Card>
      {session.seed === null ? null : (
        <Card title={t('drawSteps.publish')}>
          {session.status === 'published' ? (
            <PublishedDraws session={session} />
          ) : isOffice ? (
            <PublishButton session={session} onPublished={query.update} />
          ) : (
            <Typography.Text type="secondary">{t('drawSession.notPublishedYet')}</Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}

function SeedFacts({ seed }: { seed: NonNullable<DrawSessionDto['seed']> }) {
  const { t, language } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="seed-facts"
      items={[
        { key: 'digits', label: t('seed.digits'), children: <HashText value={seed.digits} /> },
        { key: 'beacon', label: t('seed.beacon'), children: seed.beacon ?? t('publicDraw.noBeacon') },
        {
          key: 'witnesses',
          label: t('seed.witnesses'),
          children: (
            <Flex wrap gap={4}>
              {seed.witnesses.map((name) => (
                <Tag key={name}>{name}</Tag>
              ))}
            </Flex>
          ),
        },
        {
          key: 'enteredAt',
          label: t('publicDraw.seedAt'),
          children: formatDateTime(seed.enteredAt, language),
        },
      ]}
    />
  );
}

function PublishButton({
  session,
  onPublished,
}: {
  session: DrawSessionDto;
  onPublished: (session: DrawSessionDto) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const publish = async () => {
    if (csrfToken === null) return;
    setPending(true);
    setFailure(null);
    try {
      const published = await publishDrawSession(session.id, csrfToken);
      void message.success(t('drawPublish.done', { count: published.frames.length }));
      onPublished(published);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <Flex vertical gap="middle" align="flex-start">
      <Typography.Paragraph style={{ margin: 0 }}>{t('drawPublish.intro')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<ThunderboltOutlined />}
        data-testid="publish-draws"
        loading={pending}
        onClick={() => {
          void publish();
        }}
      >
        {t('drawPublish.button')}
      </Button>
      {failure === null ? null : (
        <Alert type="error" showIcon title={t('drawPublish.failed')} description={failure} />
      )}
    </Flex>
  );
}
