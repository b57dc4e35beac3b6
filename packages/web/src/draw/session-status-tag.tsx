import { Tag } from 'antd';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { useT } from '../i18n/use-t.ts';

const colors: Record<DrawSessionDto['status'], string> = {
  frozen: 'blue',
  seeded: 'gold',
  published: 'green',
};

/** 已冻结 / 已录入种子 / 已公示. */
export function SessionStatusTag({ status }: { status: DrawSessionDto['status'] }) {
  const t = useT();
  return (
    <Tag color={colors[status]} data-testid="draw-session-status" data-status={status}>
      {t(`drawSession.status.${status}`)}
    </Tag>
  );
}
