import { Flex, Tag } from 'antd';
import { describeResultCode, resultCodeColor } from './inspection-codes.ts';

/** The result codes as tags: "A 发现问题待后续处理". */
export function ResultCodeTags({ codes }: { codes: readonly string[] }) {
  return (
    <Flex wrap gap={4}>
      {codes.map((code) => (
        <Tag key={code} color={resultCodeColor(code)} style={{ whiteSpace: 'normal' }}>
          {describeResultCode(code)}
        </Tag>
      ))}
    </Flex>
  );
}
