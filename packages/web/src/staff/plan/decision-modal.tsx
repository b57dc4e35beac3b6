import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ChangeRequestDto } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';

export type Decision = 'approve' | 'reject';

export interface DecisionModalProps {
  request: ChangeRequestDto | null;
  decision: Decision;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** Approve (reason optional) or reject (reason required) a change request. */
export function DecisionModal({ request, decision, pending, onCancel, onConfirm }: DecisionModalProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = decision === 'reject' && reason.trim().length < 2;
  const okButtonProps = {
    'data-testid': 'decision-ok',
    loading: pending,
    danger: decision === 'reject',
  };

  return (
    <Modal
      open={request !== null}
      destroyOnHidden
      title={
        request === null
          ? ''
          : t(decision === 'approve' ? 'decision.approveTitle' : 'decision.rejectTitle', { id: request.id })
      }
      okText={t(decision === 'approve' ? 'decision.approve' : 'decision.reject')}
      cancelText={t('common.cancel')}
      okButtonProps={okButtonProps}
      afterClose={() => {
        setReason('');
        setTouched(false);
      }}
      onCancel={onCancel}
      onOk={() => {
        setTouched(true);
        if (!missing) onConfirm(reason.trim());
      }}
    >
      <Typography.Paragraph type="secondary">
        {t(decision === 'approve' ? 'decision.approveHint' : 'decision.rejectHint')}
      </Typography.Paragraph>
      <Input.TextArea
        data-testid="decision-reason"
        rows={3}
        maxLength={500}
        value={reason}
        placeholder={t(decision === 'approve' ? 'decision.reasonOptional' : 'decision.reasonRequired')}
        status={touched && missing ? 'error' : undefined}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
      {touched && missing ? (
        <Typography.Text type="danger">{t('decision.reasonRequired')}</Typography.Text>
      ) : null}
    </Modal>
  );
}
