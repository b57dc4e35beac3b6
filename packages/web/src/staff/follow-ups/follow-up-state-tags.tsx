import { Flex, Tag } from 'antd';
import type { FollowUpDto } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';

/** The state and serious marks of a case: 未完结 / 已完结 (date), and 吊销, 移送司法机关 … in red. */
export function FollowUpStateTags({ followUp }: { followUp: FollowUpDto }) {
  const t = useT();
  return (
    <Flex wrap gap={4}>
      {followUp.state === 'open' ? (
        <Tag color="orange" data-testid="follow-up-state" data-state="open">
          {t('followUp.state.open')}
        </Tag>
      ) : (
        <Tag color="green" data-testid="follow-up-state" data-state="closed">
          {t('followUp.state.closed', { date: followUp.closedOn ?? '' })}
        </Tag>
      )}
      {followUp.seriousMarks.map((mark) => (
        <Tag key={mark} color="red" data-testid="follow-up-serious">
          {t('followUp.serious', { mark })}
        </Tag>
      ))}
    </Flex>
  );
}
