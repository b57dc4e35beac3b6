import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { RiskModelSummaryDto, RiskModelsDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { CalibrationChart } from './calibration-chart.tsx';
import { getRiskModels, trainRiskModel } from './risk-endpoints.ts';
import { formatRate, RISK_BAND_KEY } from './risk-format.ts';

function Evaluation({ model }: { model: RiskModelSummaryDto }) {
  const t = useT();
  const e = model.evaluation;
  return (
    <Flex vertical gap="middle" data-testid="risk-evaluation">
      <Typography.Text type="secondary">{model.window.note}</Typography.Text>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'auc', label: 'AUC', children: e.auc.toFixed(3) },
          {
            key: 'class',
            label: t('risk.eval.classOnly'),
            children: e.classOnlyAuc === null ? '—' : e.classOnlyAuc.toFixed(3),
          },
          { key: 'lift', label: t('risk.eval.lift'), children: e.liftTopDecile.toFixed(2) },
          { key: 'base', label: t('risk.eval.baseRate'), children: formatRate(e.baseRate) },
          { key: 'brier', label: 'Brier', children: e.brierScore.toFixed(4) },
          {
            key: 'rows',
            label: t('risk.eval.rows'),
            children: t('risk.eval.rowsValue', {
              train: model.window.trainRows,
              test: model.window.testRows,
              positives: model.window.testPositives,
            }),
          },
        ]}
      />
      <Typography.Text strong>{t('risk.eval.calibration')}</Typography.Text>
      <CalibrationChart bins={e.calibration} />
      <Typography.Text strong>{t('risk.eval.bands')}</Typography.Text>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="band"
        dataSource={[...e.bands].reverse()}
        columns={[
          { key: 'band', title: t('risk.report.col.group'), render: (_, b) => t(RISK_BAND_KEY[b.band]) },
          { key: 'rows', title: t('risk.report.col.inspections'), dataIndex: 'rows', align: 'end' },
          {
            key: 'positives',
            title: t('risk.report.col.nonCompliant'),
            dataIndex: 'positives',
            align: 'end',
          },
          {
            key: 'rate',
            title: t('risk.report.col.rate'),
            align: 'end',
            render: (_, b) => formatRate(b.rate),
          },
        ]}
      />
    </Flex>
  );
}

/**
 * The model versions (newest first) with the held-out evaluation of the chosen one: AUC against the official class
 * alone, lift at the top decile, the calibration curve; the drift warning; and, for the office, training on demand.
 */
export function RiskModelsCard({ onTrained }: { onTrained: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { session, csrfToken } = useSession();
  const isOffice = session?.user.role === 'office_admin';
  const query = useApiQuery('risk-models', getRiskModels);
  const [training, setTraining] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);

  const train = async () => {
    if (csrfToken === null) return;
    setTraining(true);
    setFailure(null);
    try {
      const next: RiskModelsDto = await trainRiskModel(csrfToken);
      query.update(next);
      setChosen(null);
      void message.success(t('risk.models.trained', { version: next.models[0]?.version ?? '' }));
      onTrained();
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setTraining(false);
    }
  };

  const columns: TableColumnsType<RiskModelSummaryDto> = [
    { key: 'version', title: t('risk.models.col.version'), render: (_, m) => `v${String(m.version)}` },
    { key: 'asOf', title: t('risk.models.col.asOf'), dataIndex: 'asOf' },
    {
      key: 'window',
      title: t('risk.models.col.window'),
      render: (_, m) =>
        t(m.window.holdout === 'latest-year' ? 'risk.models.holdoutYear' : 'risk.models.holdoutQuarter'),
    },
    { key: 'auc', title: 'AUC', align: 'end', render: (_, m) => m.evaluation.auc.toFixed(3) },
    {
      key: 'class',
      title: t('risk.eval.classOnly'),
      align: 'end',
      render: (_, m) => (m.evaluation.classOnlyAuc === null ? '—' : m.evaluation.classOnlyAuc.toFixed(3)),
    },
    {
      key: 'lift',
      title: t('risk.eval.lift'),
      align: 'end',
      render: (_, m) => m.evaluation.liftTopDecile.toFixed(2),
    },
  ];

  const loaded = query.state.status === 'loaded' ? query.state.data : null;
  const shown = loaded?.models.find((m) => m.version === chosen) ?? loaded?.models[0] ?? null;

  return (
    <Card
      title={t('risk.models.title')}
      data-testid="risk-models"
      extra={
        isOffice ? (
          <Button type="primary" loading={training} onClick={() => void train()} data-testid="risk-train">
            {t('risk.models.train')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap="middle">
        {failure === null ? null : (
          <Alert type="error" showIcon title={failure} data-testid="risk-train-failed" />
        )}
        {query.state.status === 'loading' ? <Skeleton active /> : null}
        {query.state.status === 'error' ? (
          <QueryErrorAlert title={t('risk.loadFailed')} error={query.state.error} onRetry={query.reload} />
        ) : null}
        {loaded?.driftWarning == null ? null : (
          <Alert type="warning" showIcon title={loaded.driftWarning} data-testid="risk-drift" />
        )}
        {loaded !== null && loaded.models.length === 0 ? (
          <Typography.Text type="secondary">{t('risk.models.none')}</Typography.Text>
        ) : null}
        {loaded !== null && loaded.models.length > 0 ? (
          <Table<RiskModelSummaryDto>
            size="small"
            bordered
            rowKey="version"
            pagination={false}
            columns={columns}
            dataSource={loaded.models}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: shown === null ? [] : [shown.version],
              onChange: (keys) => {
                setChosen(Number(keys[0]));
              },
            }}
          />
        ) : null}
        {shown === null ? null : <Evaluation model={shown} />}
      </Flex>
    </Card>
  );
}
