import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Progress,
  Result,
  Select,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ImportIssueDto, ImportKind, ImportPreviewDto, ImportResultDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { importReportUrl, previewImport, runImport } from '../../api/register-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { planRegions } from '../../plan/plan-regions.ts';
import { useSession } from '../../session/use-session.ts';

const maxFileBytes = 50 * 1024 * 1024;
const acceptedExtensions = ['.xlsx', '.xls', '.csv'];
const KINDS: readonly ImportKind[] = ['objects', 'inspectors', 'items'];

type Stage = 'upload' | 'mapping' | 'running' | 'result';

/** Spreadsheet column letters for a 0-based index (A, B, …, AA). */
function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * `/app/import/:kind` (kind objects | inspectors | items; office and department admins): upload a register file,
 * check the suggested column mapping against the first rows, dry-run or import, read the issues and download the
 * issue report. Nothing is stored before 导入, and an import with error rows stores nothing unless the clerk chose
 * to skip them.
 */
export function RegisterImportPage() {
  const t = useT();
  const params = useParams();
  const kind = KINDS.find((k) => k === params['kind']) ?? null;
  const { session, csrfToken } = useSession();
  const user = session?.user;
  const [stage, setStage] = useState<Stage>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [region, setRegion] = useState<string | null>(
    user === undefined || user.regionCode === '140500' ? null : user.regionCode,
  );
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultDto | null>(null);

  if (kind === null) return <Result status="404" />;
  if (user?.role !== 'office_admin' && user?.role !== 'department_admin') {
    return <Result status="403" title={t('regImport.adminOnly')} />;
  }

  const readFile = async (picked: File) => {
    setError(null);
    if (!acceptedExtensions.some((ext) => picked.name.toLowerCase().endsWith(ext))) {
      setError(t('regImport.badType', { name: picked.name }));
      return;
    }
    if (picked.size > maxFileBytes) {
      setError(t('regImport.tooLarge', { name: picked.name }));
      return;
    }
    if (csrfToken === null) return;
    setBusy(true);
    try {
      const answer = await previewImport(kind, picked, csrfToken);
      setFile(picked);
      setPreview(answer);
      setMapping(answer.mapping);
      setStage('mapping');
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const start = async (dryRun: boolean) => {
    if (file === null || preview === null || csrfToken === null) return;
    setError(null);
    setStage('running');
    const overrides: Record<string, string> = {};
    for (const field of preview.fields) {
      const column = mapping[field.key] ?? null;
      overrides[field.key] = column === null ? '-' : String(column + 1);
    }
    try {
      const answer = await runImport(
        kind,
        file,
        { mapping: overrides, dryRun, skipInvalid, region },
        csrfToken,
      );
      setResult(answer);
      setStage('result');
    } catch (e) {
      setError(describeError(e, t));
      setStage('mapping');
    }
  };

  const reset = () => {
    setStage('upload');
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const stepIndex = stage === 'upload' ? 0 : stage === 'mapping' ? 1 : 2;
  const missing =
    preview === null ? [] : preview.fields.filter((f) => f.required && (mapping[f.key] ?? null) === null);

  return (
    <Card title={t(`regImport.title.${kind}`)}>
      <Flex vertical gap="large">
        <Steps
          current={stepIndex}
          size="small"
          items={[
            { title: t('regImport.step.upload') },
            { title: t('regImport.step.mapping') },
            { title: t('regImport.step.result') },
          ]}
        />
        {error === null ? null : <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {stage === 'upload' ? (
          <div data-testid="import-upload">
            <Upload.Dragger
              accept={acceptedExtensions.join(',')}
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(picked) => {
                void readFile(picked);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('regImport.drop')}</p>
              <p className="ant-upload-hint">{t('regImport.dropHint')}</p>
            </Upload.Dragger>
            {busy ? <Progress percent={100} status="active" showInfo={false} /> : null}
          </div>
        ) : null}
        {stage === 'mapping' && preview !== null ? (
          <MappingStep
            preview={preview}
            mapping={mapping}
            onMap={(key, column) => {
              setMapping({ ...mapping, [key]: column });
            }}
          />
        ) : null}
        {stage === 'mapping' && preview !== null ? (
          <Flex vertical gap="middle">
            <Form layout="inline">
              <Form.Item label={t('regImport.defaultRegion')}>
                <Select<string>
                  data-testid="import-region"
                  allowClear
                  placeholder={t('regImport.noDefaultRegion')}
                  value={region ?? undefined}
                  style={{ width: 160 }}
                  options={planRegions
                    .filter((r) => user.regionCode === '140500' || r.code === user.regionCode)
                    .map((r) => ({ value: r.code, label: r.label }))}
                  onChange={(value: string | undefined) => {
                    setRegion(value ?? null);
                  }}
                />
              </Form.Item>
              <Form.Item>
                <Checkbox
                  data-testid="import-skip-invalid"
                  checked={skipInvalid}
                  onChange={(e) => {
                    setSkipInvalid(e.target.checked);
                  }}
                >
                  {t('regImport.skipInvalid')}
                </Checkbox>
              </Form.Item>
            </Form>
            {missing.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('regImport.missing', { fields: missing.map((f) => f.label).join('、') })}
              />
            ) : null}
            <Flex gap="small" wrap>
              <Button
                data-testid="import-dry-run"
                disabled={missing.length > 0}
                onClick={() => {
                  void start(true);
                }}
              >
                {t('regImport.dryRun')}
              </Button>
              <Button
                type="primary"
                data-testid="import-run"
                disabled={missing.length > 0}
                onClick={() => {
                  void start(false);
                }}
              >
                {t('regImport.run')}
              </Button>
              <Button onClick={reset}>{t('regImport.again')}</Button>
            </Flex>
          </Flex>
        ) : null}
        {stage === 'running' ? (
          <Flex vertical gap="small" data-testid="import-progress">
            <Typography.Text>{t('regImport.running')}</Typography.Text>
            <Progress percent={100} status="active" showInfo={false} />
          </Flex>
        ) : null}
        {stage === 'result' && result !== null ? (
          <ResultStep
            result={result}
            onBack={() => {
              setStage('mapping');
            }}
            onAgain={reset}
          />
        ) : null}
      </Flex>
    </Card>
  );
}

function MappingStep({
  preview,
  mapping,
  onMap,
}: {
  preview: ImportPreviewDto;
  mapping: Record<string, number | null>;
  onMap: (key: string, column: number | null) => void;
}) {
  const t = useT();
  const columnOptions = preview.headers.map((header, index) => ({
    value: index,
    label: `${columnLetters(index)} · ${header === '' ? '—' : header}`,
  }));
  const sampleColumns: TableColumnsType<{ row: number; cells: string[] }> = [
    { key: 'row', title: t('regImport.col.row'), dataIndex: 'row', width: 60, fixed: 'left' },
    ...preview.headers.map((header, index) => ({
      key: String(index),
      title: `${columnLetters(index)} ${header}`,
      width: 140,
      ellipsis: true,
      render: (_: unknown, r: { row: number; cells: string[] }) => r.cells[index] ?? '',
    })),
  ];
  return (
    <Flex vertical gap="middle" data-testid="import-mapping">
      <Typography.Text>
        {t('regImport.file', { name: preview.fileName, row: preview.headerRow })}
      </Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={preview.fields}
        columns={[
          {
            key: 'field',
            title: t('regImport.field'),
            width: 220,
            render: (_, f) => (
              <Flex gap={4}>
                <span>{f.label}</span>
                {f.required ? <Tag color="red">{t('regImport.required')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'column',
            title: t('regImport.column'),
            render: (_, f) => (
              <Select<number>
                data-testid={`import-mapping-${f.key}`}
                allowClear
                placeholder={t('regImport.noColumn')}
                value={mapping[f.key] ?? undefined}
                options={columnOptions}
                style={{ width: 280 }}
                onChange={(value: number | undefined) => {
                  onMap(f.key, value ?? null);
                }}
              />
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('regImport.samples', { count: preview.sampleRows.length })}</Typography.Text>
      <Table
        data-testid="import-samples"
        size="small"
        rowKey="row"
        pagination={false}
        dataSource={preview.sampleRows}
        columns={sampleColumns}
        scroll={{ x: 'max-content' }}
      />
    </Flex>
  );
}

function ResultStep({
  result,
  onBack,
  onAgain,
}: {
  result: ImportResultDto;
  onBack: () => void;
  onAgain: () => void;
}) {
  const t = useT();
  const columns: TableColumnsType<ImportIssueDto> = [
    { key: 'row', title: t('regImport.col.row'), dataIndex: 'row', width: 70 },
    { key: 'column', title: t('regImport.col.column'), dataIndex: 'column', width: 140 },
    {
      key: 'severity',
      title: t('regImport.col.severity'),
      width: 80,
      render: (_, i) => (
        <Tag color={i.severity === 'error' ? 'red' : 'gold'}>{t(`regImport.severity.${i.severity}`)}</Tag>
      ),
    },
    { key: 'message', title: t('regImport.col.message'), dataIndex: 'message' },
    { key: 'value', title: t('regImport.col.value'), dataIndex: 'value', width: 200, ellipsis: true },
  ];
  const headline = result.dryRun
    ? t('regImport.result.dryRun')
    : result.stored
      ? t('regImport.result.stored', { count: result.imported })
      : t('regImport.result.refused');
  return (
    <Flex vertical gap="middle" data-testid="import-result">
      <Alert
        type={result.stored ? 'success' : result.errorRows > 0 ? 'warning' : 'info'}
        showIcon
        title={headline}
      />
      <Flex gap="large" wrap>
        <Statistic title={t('regImport.stat.rows')} value={result.rows} />
        <Statistic title={t('regImport.stat.valid')} value={result.valid} />
        <Statistic title={t('regImport.stat.errorRows')} value={result.errorRows} />
        <Statistic title={t('regImport.stat.imported')} value={result.imported} />
        <Statistic title={t('regImport.stat.issues')} value={result.issueCount} />
      </Flex>
      <Flex gap="small" wrap>
        <Button
          icon={<DownloadOutlined />}
          href={importReportUrl(result.reportId)}
          download
          data-testid="import-report-download"
        >
          {t('regImport.download')}
        </Button>
        <Button onClick={onBack}>{t('regImport.back')}</Button>
        <Button onClick={onAgain}>{t('regImport.again')}</Button>
      </Flex>
      {result.issues.length < result.issueCount ? (
        <Typography.Text type="secondary">
          {t('regImport.issuesShown', { shown: result.issues.length })}
        </Typography.Text>
      ) : null}
      <Table<ImportIssueDto>
        data-testid="import-issues-table"
        size="small"
        rowKey={(i) => `${i.row}|${i.column}|${i.message}`}
        columns={columns}
        dataSource={result.issues}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 900 }}
      />
    </Flex>
  );
}
