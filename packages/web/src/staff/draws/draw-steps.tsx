import { Steps } from 'antd';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';

/** The step a session is at: picking (no session yet), then the seed, then the draw, then done. */
function currentStep(status: DrawSessionDto['status'] | null): number {
  switch (status) {
    case null:
      return 0;
    case 'frozen':
      return 2;
    case 'seeded':
      return 3;
    case 'published':
      return 4;
  }
}

/** The four steps of a 抽取会 (DOMAIN.md §4): pick task batches, freeze (hashes public), seed in public, draw and publish. */
export function DrawSteps({ status }: { status: DrawSessionDto['status'] | null }) {
  const t = useT();
  const isPhone = useIsPhone();
  return (
    <Steps
      data-testid="draw-steps"
      size="small"
      orientation={isPhone ? 'vertical' : 'horizontal'}
      current={currentStep(status)}
      items={[
        { title: t('drawSteps.pick'), content: t('drawSteps.pickHint') },
        { title: t('drawSteps.freeze'), content: t('drawSteps.freezeHint') },
        { title: t('drawSteps.seed'), content: t('drawSteps.seedHint') },
        { title: t('drawSteps.publish'), content: t('drawSteps.publishHint') },
      ]}
    />
  );
}
