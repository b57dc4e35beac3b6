import { RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../api/describe-error.ts';
import { createDrawSession } from '../../api/draw-endpoints.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';

/**
 * Office only: 重抽 a published task batch (DOMAIN.md §4.4). Nothing is replaced in place: a new draw session is
 * frozen for the batch with the written reason, approved by the office admin who freezes it; it then goes through
 * its own public seed ceremony, and the old draw stays public, marked superseded.
 */
export function RedrawButton({ year, taskCode, batch }: { year: number; taskCode: string; batch: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const trimmed = reason.trim();

  const submit = async () => {
    if (csrfToken === null) return;
    setPending(true);
    setFailure(null);
    try {
      const session = await createDrawSession(
        {
          year,
          title: t('redraw.sessionTitle', { code: taskCode, batch }),
          items: [{ taskCode, batch, redrawReason: trimmed }],
        },
        csrfToken,
      );
      void message.success(t('redraw.frozen'));
      setOpen(false);
      void navigate(`/app/draws/${session.id}`);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        icon={<RedoOutlined />}
        data-testid={`redraw-${taskCode}`}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('redraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('redraw.title', { code: taskCode, batch })}
        okText={t('redraw.confirm')}
        okButtonProps={{ disabled: trimmed.length < 4, loading: pending, danger: true }}
        onOk={() => {
          void submit();
        }}
        onCancel={() => {
          setOpen(false);
        }}
      >
        <Typography.Paragraph>{t('redraw.explain')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={reason}
          maxLength={500}
          placeholder={t('redraw.reasonPlaceholder')}
          data-testid="redraw-reason"
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
        {failure === null ? null : <Alert style={{ marginTop: 12 }} type="error" showIcon title={failure} />}
      </Modal>
    </>
  );
}
