import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Modal, Popconfirm, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionDto, InspectionReviewDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { reviewInspection, type ReviewInput } from '../../api/inspection-endpoints.ts';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';

const ACTION_COLORS: Record<InspectionReviewDto['action'], string> = {
  submit: 'blue',
  return: 'red',
  approve: 'green',
};

/**
 * The review (审核): the history of submissions, returns with their reasons and the approval; for the responsible
 * department's admin (canReview) 退回 with a required reason, or 审核通过并公示, which publishes the result.
 */
export function ReviewPanel({
  inspection,
  onReviewed,
}: {
  inspection: InspectionDto;
  onReviewed: (inspection: InspectionDto) => void;
}) {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [returning, setReturning] = useState(false);
  const [pending, setPending] = useState<ReviewInput['action'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const approveOkProps = { 'data-testid': 'review-approve-ok' };

  const review = async (input: ReviewInput) => {
    if (csrfToken === null) return;
    setPending(input.action);
    setFailure(null);
    try {
      const updated = await reviewInspection(inspection.id, input, csrfToken);
      void message.success(t(input.action === 'approve' ? 'review.approved' : 'review.returned'));
      setReturning(false);
      onReviewed(updated);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(null);
    }
  };

  return (
    <Card title={t('review.title')} size={isPhone ? 'small' : 'default'} data-testid="review-panel">
      <Flex vertical gap="middle">
        {inspection.reviews.length === 0 ? (
          <Typography.Text type="secondary">{t('review.none')}</Typography.Text>
        ) : (
          <Timeline
            data-testid="review-history"
            items={inspection.reviews.map((r, i) => ({
              key: i,
              color: ACTION_COLORS[r.action],
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>{t(`review.action.${r.action}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.by} · {formatDateTime(r.at, language)}
                  </Typography.Text>
                  {r.reason === null ? null : <Typography.Text>{r.reason}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
        {inspection.canReview ? (
          <Flex gap="small" vertical={isPhone} wrap>
            <Button
              danger
              size="large"
              block={isPhone}
              icon={<RollbackOutlined />}
              disabled={pending !== null}
              data-testid="review-return"
              onClick={() => {
                setReturning(true);
              }}
            >
              {t('review.return')}
            </Button>
            <Popconfirm
              title={t('review.approveConfirm')}
              description={t('review.approveHint')}
              okText={t('review.approve')}
              cancelText={t('common.cancel')}
              okButtonProps={approveOkProps}
              onConfirm={() => {
                void review({ action: 'approve' });
              }}
            >
              <Button
                type="primary"
                size="large"
                block={isPhone}
                icon={<CheckOutlined />}
                loading={pending === 'approve'}
                disabled={pending !== null}
                data-testid="review-approve"
              >
                {t('review.approve')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null}
        {failure === null ? null : (
          <Alert
            type="error"
            showIcon
            title={t('review.failed')}
            description={failure}
            data-testid="review-error"
          />
        )}
      </Flex>
      <ReturnModal
        open={returning}
        pending={pending === 'return'}
        onCancel={() => {
          setReturning(false);
        }}
        onConfirm={(reason) => {
          void review({ action: 'return', reason });
        }}
      />
    </Card>
  );
}

/** 退回: the reason is required (at least 2 characters, as the server demands) and is shown to the team. */
function ReturnModal({
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim().length < 2;
  const okButtonProps = { danger: true, loading: pending, 'data-testid': 'review-return-ok' };
  return (
    <Modal
      open={open}
      destroyOnHidden
      title={t('review.returnTitle')}
      okText={t('review.return')}
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
      <Typography.Paragraph type="secondary">{t('review.returnHint')}</Typography.Paragraph>
      <Input.TextArea
        data-testid="review-return-reason"
        rows={3}
        maxLength={2000}
        value={reason}
        placeholder={t('review.reasonRequired')}
        status={touched && missing ? 'error' : undefined}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
      {touched && missing ? (
        <Typography.Text type="danger">{t('review.reasonRequired')}</Typography.Text>
      ) : null}
    </Modal>
  );
}
