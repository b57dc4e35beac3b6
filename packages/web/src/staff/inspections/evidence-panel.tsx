import { CameraOutlined, FilePdfOutlined, FileImageOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { InspectionDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { evidenceUrl, uploadEvidence } from '../../api/inspection-endpoints.ts';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useI18n } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';

/** The server's limit (packages/server/src/features/inspections/inspection-actions.ts MAX_EVIDENCE_BYTES). */
const MAX_BYTES = 10 * 1024 * 1024;

/** Bytes as people read them: 0.8 MB, 12 KB. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * Evidence (证据): photos and PDFs stored with their SHA-256. On a phone the file picker offers the camera
 * (`accept="image/*,application/pdf"`). The server checks the type by content and the size (JPEG, PNG, PDF; ≤ 10 MB)
 * and refuses anything else with a message naming the file; nothing is stored then.
 */
export function EvidencePanel({
  inspection,
  onChanged,
}: {
  inspection: InspectionDto;
  onChanged: (inspection: InspectionDto) => void;
}) {
  const { t, language } = useI18n();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [caption, setCaption] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File) => {
    if (csrfToken === null) return;
    setFailure(null);
    if (file.size > MAX_BYTES) {
      setFailure(t('evidence.tooBig', { name: file.name, size: formatSize(file.size) }));
      return;
    }
    setPending(true);
    try {
      const updated = await uploadEvidence(inspection.id, file, caption, csrfToken);
      setCaption('');
      void message.success(t('evidence.uploaded', { name: file.name }));
      onChanged(updated);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <Card title={t('evidence.title')} size={isPhone ? 'small' : 'default'} data-testid="evidence-panel">
      <Flex vertical gap="middle">
        {inspection.canEdit ? (
          <Flex vertical gap="small">
            <Input
              data-testid="evidence-caption"
              size={isPhone ? 'large' : 'middle'}
              placeholder={t('evidence.caption')}
              maxLength={200}
              value={caption}
              onChange={(event) => {
                setCaption(event.target.value);
              }}
            />
            <Upload
              accept="image/*,application/pdf"
              showUploadList={false}
              multiple={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
              data-testid="evidence-upload"
            >
              <Button
                icon={<CameraOutlined />}
                size="large"
                block={isPhone}
                loading={pending}
                data-testid="evidence-upload-button"
              >
                {t('evidence.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evidence.hint')}
            </Typography.Text>
          </Flex>
        ) : null}
        {failure === null ? null : (
          <Alert
            type="error"
            showIcon
            title={t('evidence.failed')}
            description={failure}
            data-testid="evidence-error"
          />
        )}
        {inspection.evidence.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.none')} />
        ) : (
          <List
            size="small"
            data-testid="evidence-list"
            dataSource={inspection.evidence}
            renderItem={(e) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    {e.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
                    <a
                      href={evidenceUrl(inspection.id, e.id)}
                      target="_blank"
                      rel="noopener"
                      data-testid={`evidence-link-${e.id}`}
                      style={{ wordBreak: 'break-all' }}
                    >
                      {e.fileName}
                    </a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatSize(e.size)}
                    </Typography.Text>
                  </Flex>
                  {e.caption === '' ? null : <Typography.Text>{e.caption}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    SHA-256{' '}
                    <Tooltip title={e.sha256}>
                      <Typography.Text
                        code
                        copyable={{ text: e.sha256 }}
                        data-testid="evidence-sha256"
                        data-value={e.sha256}
                      >
                        {e.sha256.slice(0, 12)}…
                      </Typography.Text>
                    </Tooltip>{' '}
                    · {formatDateTime(e.at, language)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Card>
  );
}
