import { Tooltip, Typography } from 'antd';
import { useT } from '../i18n/use-t.ts';
import { shortenHash } from './draw-format.ts';

/**
 * A SHA-256 (or other long token) in monospace with a copy button; `short` shows only its ends, the whole value on
 * hover and in the copy.
 */
export function HashText({
  value,
  testId,
  short = false,
}: {
  value: string;
  testId?: string;
  short?: boolean;
}) {
  const t = useT();
  const text = (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: [t('draw.copy'), t('draw.copied')] }}
      data-testid={testId}
      data-value={value}
      style={{
        wordBreak: 'break-all',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      }}
    >
      {short ? shortenHash(value) : value}
    </Typography.Text>
  );
  return short ? <Tooltip title={value}>{text}</Tooltip> : text;
}
