import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import type { PlanSummaryDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { publishPlan } from '../../api/plan-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';

export interface PublishPlanButtonProps {
  year: number;
  taskCount: number;
  /** Why publishing is not possible yet (shown as a tooltip); null when it is. */
  blockedReason: string | null;
  onPublished: (plan: PlanSummaryDto) => void;
}

/** 发布: asks for confirmation (the published plan is public and changes only by approved requests), then publishes. */
export function PublishPlanButton({ year, taskCount, blockedReason, onPublished }: PublishPlanButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  const publish = async () => {
    if (csrfToken === null) return;
    setPending(true);
    try {
      const plan = await publishPlan(year, csrfToken);
      setConfirming(false);
      void message.success(t('publish.done', { year, version: plan.version }));
      onPublished(plan);
    } catch (error) {
      void message.error(t('publish.failed', { reason: describeError(error, t) }));
    } finally {
      setPending(false);
    }
  };

  const okButtonProps = { 'data-testid': 'confirm-publish', loading: pending };
  const button = (
    <Button
      type="primary"
      icon={<CloudUploadOutlined />}
      data-testid="publish-plan"
      disabled={blockedReason !== null}
      onClick={() => {
        setConfirming(true);
      }}
    >
      {t('publish.button')}
    </Button>
  );

  return (
    <>
      {blockedReason === null ? button : <Tooltip title={blockedReason}>{button}</Tooltip>}
      <Modal
        open={confirming}
        title={t('publish.confirmTitle', { year })}
        okText={t('publish.confirmOk')}
        cancelText={t('common.cancel')}
        okButtonProps={okButtonProps}
        onOk={() => {
          void publish();
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        {t('publish.confirmBody', { year, count: taskCount })}
      </Modal>
    </>
  );
}
