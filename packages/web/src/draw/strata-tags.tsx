import { Flex, Tag, Tooltip } from 'antd';
import type { DrawFrameDto } from '@ssj/server/api-types';
import { useT } from '../i18n/use-t.ts';

/** The public strata of a frame: `S1 12/3` (size / allocation); which risk class is which stays sealed. */
export function StrataTags({ strata }: { strata: DrawFrameDto['strata'] }) {
  const t = useT();
  return (
    <Flex wrap gap={4}>
      {strata.map((stratum) => (
        <Tooltip
          key={stratum.name}
          title={t('frames.stratumHint', { size: stratum.size, allocation: stratum.allocation })}
        >
          <Tag style={{ marginInlineEnd: 0 }}>
            {stratum.name} {stratum.size}/{stratum.allocation}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
