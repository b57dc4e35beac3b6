import { Alert, Card, Flex, Skeleton } from 'antd';
import { useNavigate } from 'react-router-dom';
import { getDrawSessions } from '../../api/draw-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { DrawSteps } from './draw-steps.tsx';
import { NewDrawSession } from './new-draw-session.tsx';
import { JointVisitsCard } from './joint-visits-card.tsx';
import { SessionList } from './session-list.tsx';

/**
 * `/app/draws`: 抽取. The office holds a new draw session here (pick task batches → freeze); everyone sees the sessions
 * held so far and opens one to follow it (seed, draw, publication). Others read only.
 */
export function DrawsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const isOffice = session?.user.role === 'office_admin';
  const sessions = useApiQuery('draw-sessions', getDrawSessions);

  return (
    <Flex vertical gap="middle">
      {isOffice ? (
        <Card title={t('drawNew.cardTitle')} data-testid="new-draw-session">
          <Flex vertical gap="large">
            <DrawSteps status={null} />
            <NewDrawSession
              onFrozen={(frozen) => {
                void navigate(`/app/draws/${frozen.id}`);
              }}
            />
          </Flex>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('drawSession.readOnly')} data-testid="draws-read-only" />
      )}
      <Card title={t('drawSession.listTitle')}>
        {sessions.state.status === 'loading' ? <Skeleton active /> : null}
        {sessions.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('drawSession.loadFailed')}
            error={sessions.state.error}
            onRetry={sessions.reload}
          />
        ) : null}
        {sessions.state.status === 'loaded' ? <SessionList sessions={sessions.state.data} /> : null}
      </Card>
      {sessions.state.status === 'loaded' && sessions.state.data[0] !== undefined ? (
        <JointVisitsCard year={sessions.state.data[0].year} />
      ) : null}
    </Flex>
  );
}
