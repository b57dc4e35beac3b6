import { Flex, Spin, Typography } from 'antd';
import { useT } from '../i18n/use-t.ts';

/** A centred spinner for a whole page that is still loading, with an optional line of text. */
export function PageSpinner({ text }: { text?: string }) {
  return (
    <Flex vertical gap="middle" align="center" justify="center" style={{ minHeight: '60vh' }} role="status">
      <Spin size="large" />
      {text === undefined ? null : <Typography.Text type="secondary">{text}</Typography.Text>}
    </Flex>
  );
}

/** The router's placeholder while the first page's code loads. */
export function RouteLoadingFallback() {
  const t = useT();
  return <PageSpinner text={t('common.loading')} />;
}
