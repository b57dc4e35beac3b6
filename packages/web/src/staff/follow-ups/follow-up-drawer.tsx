import { Alert, App, Button, Checkbox, Drawer, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import type { FollowUpDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { updateFollowUp, type FollowUpUpdate } from '../../api/inspection-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';
import { FOLLOW_UP_TYPES } from '../inspections/inspection-codes.ts';
import { ResultCodeTags } from '../inspections/result-code-tags.tsx';

/** Serious outcomes (core `SERIOUS_OUTCOME_MARKS`, packages/core/src/inspection/follow-up.ts). */
const SERIOUS_MARKS = ['吊销', '移送司法机关', '列入经营异常名录', '严重违法失信'] as const;

/**
 * Handles one case: the type (后续处置类型), the outcome, and, to close it, the date it was closed. A closed case is
 * final and public; the drawer says so, and warns when the outcome will raise the object's risk.
 */
export function FollowUpDrawer({
  followUp,
  onClose,
  onSaved,
}: {
  followUp: FollowUpDto | null;
  onClose: () => void;
  onSaved: (followUp: FollowUpDto) => void;
}) {
  const t = useT();
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={followUp !== null}
      destroyOnHidden
      size={isPhone ? '100%' : 520}
      title={followUp === null ? '' : t('followUp.drawerTitle', { name: followUp.objectName })}
      onClose={onClose}
    >
      {followUp === null ? null : <FollowUpForm followUp={followUp} onSaved={onSaved} />}
    </Drawer>
  );
}

function FollowUpForm({ followUp, onSaved }: { followUp: FollowUpDto; onSaved: (f: FollowUpDto) => void }) {
  const t = useT();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [type, setType] = useState<string | undefined>(followUp.type ?? undefined);
  const [outcome, setOutcome] = useState(followUp.outcome);
  const [closing, setClosing] = useState(false);
  const [closedOn, setClosedOn] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const serious = SERIOUS_MARKS.filter((m) => `${type ?? ''} ${outcome}`.includes(m));

  const save = async () => {
    if (csrfToken === null) return;
    if (closing && closedOn === '') {
      setFailure(t('followUp.closedOnRequired'));
      return;
    }
    const update: FollowUpUpdate = { outcome };
    if (type !== undefined) update.type = type;
    if (closing) update.closedOn = closedOn;
    setPending(true);
    setFailure(null);
    try {
      const saved = await updateFollowUp(followUp.id, update, csrfToken);
      void message.success(t(closing ? 'followUp.closedDone' : 'followUp.savedDone'));
      onSaved(saved);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(false);
    }
  };

  const size = isPhone ? 'large' : 'middle';
  return (
    <Flex vertical gap="middle">
      <Typography.Text>
        <Typography.Text code>{followUp.taskCode}</Typography.Text> {followUp.taskName}
      </Typography.Text>
      <ResultCodeTags codes={followUp.codes} />
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('followUp.col.type')}</Typography.Text>
        <Select<string>
          data-testid="follow-up-type"
          size={size}
          placeholder={t('followUp.typePlaceholder')}
          value={type}
          options={FOLLOW_UP_TYPES.map((x) => ({ value: x, label: x }))}
          onChange={setType}
        />
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('followUp.col.outcome')}</Typography.Text>
        <Input.TextArea
          data-testid="follow-up-outcome"
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={4000}
          value={outcome}
          placeholder={t('followUp.outcomePlaceholder')}
          onChange={(event) => {
            setOutcome(event.target.value);
          }}
        />
      </Flex>
      <Checkbox
        checked={closing}
        data-testid="follow-up-close"
        onChange={(event) => {
          setClosing(event.target.checked);
        }}
      >
        {t('followUp.closeCase')}
      </Checkbox>
      {closing ? (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('followUp.closedOn')}</Typography.Text>
          <Input
            type="date"
            size={size}
            data-testid="follow-up-closed-on"
            value={closedOn}
            onChange={(event) => {
              setClosedOn(event.target.value);
            }}
          />
          <Alert type="info" showIcon title={t('followUp.closeHint')} />
        </Flex>
      ) : null}
      {serious.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="follow-up-serious-warning"
          title={t('followUp.seriousWarning', { marks: serious.join('、') })}
        />
      ) : null}
      {failure === null ? null : (
        <Alert type="error" showIcon title={t('followUp.saveFailed')} description={failure} />
      )}
      <Button
        type="primary"
        size="large"
        block={isPhone}
        loading={pending}
        data-testid="follow-up-save"
        onClick={() => {
          void save();
        }}
      >
        {t(closing ? 'followUp.saveAndClose' : 'followUp.save')}
      </Button>
    </Flex>
  );
}
