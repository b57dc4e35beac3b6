import {
  CloseOutlined,
  DownloadOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { DrawDto, DrawSessionDto } from '@ssj/server/api-types';
import { describeError } from '../api/describe-error.ts';
import { drawRecordUrl, drawStrataUrl, getDrawRecordText } from '../api/draw-endpoints.ts';
import { useT } from '../i18n/use-t.ts';
import { useSession } from '../session/use-session.ts';
import { verifyRecordText } from '../verify/verify-record.ts';
import { hasWebCrypto } from './canonical-json.ts';
import { crossCheckRecord } from './record-cross-checks.ts';
import type { VerifyOutcome, VerifySource } from './verify-outcome.ts';
import { VerifyResultView } from './verify-result-view.tsx';

type RunState =
  | { status: 'idle' }
  | { status: 'running'; source: VerifySource; percent: number }
  | { status: 'done'; outcome: VerifyOutcome }
  | { status: 'error'; message: string };

interface LocalFile {
  name: string;
  text: string;
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return null;
  }
}

/**
 * 验证 (DOMAIN.md §4.4): fetches the published record and recomputes the draw in this browser with Web Crypto
 * (`verify/verify-record.ts`, independent of the platform's code), then compares the record with what the portal
 * published (frame hash from before the seed, the session's seed, the record fingerprint). 验证本地文件 runs the same
 * on a record the visitor downloaded, and perhaps edited: a tampered record fails. An auditor may add the sealed
 * strata file to check the per-stratum selection too.
 */
export function VerifyPanel({ draw, session }: { draw: DrawDto; session: DrawSessionDto | null }) {
  const t = useT();
  const { session: login } = useSession();
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [strata, setStrata] = useState<LocalFile | null>(null);
  const runId = useRef(0);
  const frame = session?.frames.find((candidate) => candidate.drawId === draw.id) ?? null;
  const isStratified = frame !== null && frame.strata.length > 1;
  const mayReadStrata = login?.user.role === 'auditor' || login?.user.role === 'office_admin';

  const verify = async (source: VerifySource, readText: () => Promise<string>) => {
    const id = ++runId.current;
    if (!hasWebCrypto()) {
      setRun({ status: 'error', message: t('verify.noWebCrypto') });
      return;
    }
    setRun({ status: 'running', source, percent: 0 });
    try {
      const text = await readText();
      let shown = 0;
      const verification = await verifyRecordText(text, strata?.text, {
        onProgress: (done, total) => {
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percent !== shown && id === runId.current) {
            shown = percent;
            setRun({ status: 'running', source, percent });
          }
        },
      });
      const parsed = parseOrNull(text);
      const checks =
        verification.kind === 'unreadable' || parsed === null
          ? []
          : await crossCheckRecord(parsed, draw, session);
      if (id !== runId.current) return;
      setRun({
        status: 'done',
        outcome: { source, strataFileName: strata?.name ?? null, verification, checks },
      });
    } catch (error) {
      if (id === runId.current) setRun({ status: 'error', message: describeError(error, t) });
    }
  };

  const verifyPublished = () => {
    void verify({ kind: 'published' }, () => getDrawRecordText(draw.id));
  };
  const verifyLocal = (file: File) => {
    void verify({ kind: 'local', fileName: file.name }, () => file.text());
  };
  const running = run.status === 'running';

  return (
    <Card title={t('verify.title')} data-testid="verify-panel">
      <Flex vertical gap="middle">
        <Typography.Paragraph style={{ margin: 0 }}>{t('verify.intro')}</Typography.Paragraph>
        <Flex gap="small" wrap>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            data-testid="verify-draw"
            loading={running && run.source.kind === 'published'}
            disabled={running}
            onClick={verifyPublished}
          >
            {t('verify.button')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={drawRecordUrl(draw.id)}
            download
            data-testid="download-record"
          >
            {t('verify.download')}
          </Button>
          <div data-testid="verify-local-file">
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              disabled={running}
              beforeUpload={(file) => {
                verifyLocal(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={running}>
                {t('verify.localFile')}
              </Button>
            </Upload>
          </div>
        </Flex>
        <Typography.Text type="secondary">{t('verify.localHint')}</Typography.Text>
        {isStratified || strata !== null ? (
          <Flex gap="small" wrap align="center">
            <div data-testid="verify-local-strata">
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                disabled={running}
                beforeUpload={(file) => {
                  void file.text().then((text) => {
                    setStrata({ name: file.name, text });
                  });
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} disabled={running}>
                  {t('verify.strataFile')}
                </Button>
              </Upload>
            </div>
            {strata === null ? (
              <Typography.Text type="secondary">{t('verify.strataHint')}</Typography.Text>
            ) : (
              <Tag
                closable
                closeIcon={<CloseOutlined />}
                onClose={() => {
                  setStrata(null);
                }}
                data-testid="verify-strata-name"
              >
                {t('verify.strataLoaded', { name: strata.name })}
              </Tag>
            )}
            {mayReadStrata && isStratified ? (
              <Button size="small" type="link" href={drawStrataUrl(draw.id)} download>
                {t('verify.strataDownload')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
        {run.status === 'running' ? (
          <div data-testid="verify-result" data-status="running">
            <Typography.Text>{t('verify.running')}</Typography.Text>
            <Progress percent={run.percent} status="active" />
          </div>
        ) : null}
        {run.status === 'error' ? (
          <div data-testid="verify-result" data-status="error">
            <Alert type="warning" showIcon title={t('verify.couldNotRun')} description={run.message} />
          </div>
        ) : null}
        {run.status === 'done' ? <VerifyResultView outcome={run.outcome} /> : null}
      </Flex>
    </Card>
  );
}
