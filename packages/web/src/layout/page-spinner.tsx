import { Flex, Spin, Typography } from 'antd';

/** A centred spinner for a whole page that is still loading, with an optional line of text. */
export function PageSpinner({ text }: { text?: string }) {
  return (
    <Flex vertical gap="middle" align="center" justify="center" style={{ minHeight: '60vh' }} role="status">
      <Spin size="large" />
      {text === undefined ? null : <Typography.Text type="secondary">{text}</Typography.Text>}
    </Flex>
  );
}
