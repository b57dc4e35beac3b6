import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { AssessmentCriterionDto, AssessmentDto, AssessmentRowDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import {
  assessmentReportUrl,
  departmentSummaryUrl,
  getAssessment,
  saveAssessmentRules,
} from './oversight-endpoints.ts';
import { YearSelect, usePlanYear } from './year-select.tsx';

const CRITERIA: readonly AssessmentCriterionDto[] = [
  'completion',
  'timeliness',
  'coverage',
  'closure',
  'dataQuality',
];

function gradeColour(grade: string): string | undefined {
  if (grade === '优秀') return 'success';
  if (grade === '良好') return 'processing';
  if (grade === '不合格') return 'error';
  return undefined;
}

/**
 * `/app/assessment?year=` 考评: the year's rule set (the office edits the weights and the completion deadline), each
 * department's criteria, total, rank and grade, the December report (.docx and .xlsx) and each department's annual
 * summary data pack (a department admin: its own).
 */
export function AssessmentPage() {
  const t = useT();
  const { session } = useSession();
  const { year, years, setYear } = usePlanYear();
  const assessment = useApiQuery(year === null ? null : `assessment:${year}`, (signal) =>
    getAssessment(year ?? 0, signal),
  );
  const data = assessment.state.status === 'loaded' ? assessment.state.data : null;
  const role = session?.user.role;
  if (role === 'inspector') {
    return (
      <Card>
        <Empty description={t('oversight.noAccess')} />
      </Card>
    );
  }
  const ownDepartment = session?.user.departmentId ?? null;
  const canPack = (row: AssessmentRowDto) =>
    role !== 'department_admin' || row.departmentId === ownDepartment;

  const columns: TableColumnsType<AssessmentRowDto> = [
    { key: 'rank', title: t('oversight.col.rank'), dataIndex: 'rank', width: 60, fixed: 'left' },
    { key: 'department', title: t('oversight.col.department'), dataIndex: 'departmentName', width: 230 },
    { key: 'region', title: t('oversight.col.region'), dataIndex: 'regionName', width: 100 },
    ...CRITERIA.map((c) => ({
      key: c,
      title: `${t(`oversight.criterion.${c}`)}（${data?.rules.weights[c] ?? 0}）`,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: AssessmentRowDto) => {
        const share = r.criteria[c];
        return share === null ? '—' : ((share * (data?.rules.weights[c] ?? 0)) / 100).toFixed(1);
      },
    })),
    {
      key: 'total',
      title: t('oversight.assessment.total'),
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.total === null ? '—' : <Typography.Text strong>{r.total.toFixed(1)}</Typography.Text>,
    },
    {
      key: 'grade',
      title: t('oversight.assessment.grade'),
      width: 90,
      render: (_, r) => <Tag color={gradeColour(r.grade)}>{r.grade}</Tag>,
    },
    {
      key: 'pack',
      title: t('oversight.assessment.pack'),
      width: 120,
      render: (_, r) =>
        canPack(r) && year !== null ? (
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            href={departmentSummaryUrl(year, r.departmentId)}
            download
            data-testid={`summary-pack-${r.departmentId}`}
          >
            .xlsx
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Card
        title={
          <Flex align="center" gap="small" wrap>
            <Typography.Text strong>{t('oversight.assessment.title')}</Typography.Text>
            <YearSelect year={year} years={years} onChange={setYear} />
          </Flex>
        }
        extra={
          year === null ? null : (
            <Flex gap="small" wrap>
              <Button
                icon={<DownloadOutlined />}
                href={assessmentReportUrl(year, 'docx')}
                download
                data-testid="assessment-docx"
              >
                {t('oversight.assessment.reportDocx')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={assessmentReportUrl(year, 'xlsx')}
                download
                data-testid="assessment-xlsx"
              >
                {t('oversight.assessment.reportXlsx')}
              </Button>
            </Flex>
          )
        }
      >
        {assessment.state.status === 'error' ? (
          <QueryErrorAlert
            title={t('oversight.loadFailed')}
            error={assessment.state.error}
            onRetry={assessment.reload}
          />
        ) : null}
        {data === null ? (
          <Skeleton active />
        ) : (
          <Flex vertical gap="small">
            <Typography.Text type="secondary">
              {t('oversight.assessment.asOf', { date: data.asOf })}
            </Typography.Text>
            <Table<AssessmentRowDto>
              data-testid="assessment-table"
              size="small"
              rowKey="departmentId"
              columns={columns}
              dataSource={[...data.rows].sort(
                (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
              )}
              pagination={false}
              scroll={{ x: 1300 }}
              onRow={(r) => ({ style: r.total !== null && r.total < 60 ? { background: '#fff1f0' } : {} })}
            />
          </Flex>
        )}
      </Card>
      {data === null || year === null ? null : (
        <RulesCard
          year={year}
          data={data}
          editable={role === 'office_admin'}
          onSaved={() => {
            assessment.reload();
          }}
        />
      )}
    </Flex>
  );
}

function RulesCard({
  year,
  data,
  editable,
  onSaved,
}: {
  year: number;
  data: AssessmentDto;
  editable: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [weights, setWeights] = useState(data.rules.weights);
  const [deadline, setDeadline] = useState(data.rules.completionDeadline);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setWeights(data.rules.weights);
    setDeadline(data.rules.completionDeadline);
  }, [data.rules]);
  const sum = CRITERIA.reduce((a, c) => a + weights[c], 0);
  const save = async () => {
    if (csrfToken === null) return;
    setBusy(true);
    try {
      await saveAssessmentRules(year, { weights, completionDeadline: deadline }, csrfToken);
      void message.success(t('oversight.rules.saved'));
      onSaved();
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('oversight.rules.title')}
      extra={
        data.rules.isDefault ? (
          <Tag>{t('oversight.rules.default')}</Tag>
        ) : (
          <Typography.Text type="secondary">
            {t('oversight.rules.updated', {
              by: data.rules.updatedBy ?? '—',
              at: (data.rules.updatedAt ?? '').slice(0, 10),
            })}
          </Typography.Text>
        )
      }
    >
      <Flex vertical gap="middle">
        <Flex wrap gap="middle">
          {CRITERIA.map((c) => (
            <Flex key={c} vertical gap={4}>
              <Typography.Text>{t(`oversight.criterion.${c}`)}</Typography.Text>
              <InputNumber<number>
                min={0}
                max={100}
                precision={0}
                disabled={!editable}
                value={weights[c]}
                onChange={(value) => {
                  setWeights({ ...weights, [c]: value ?? 0 });
                }}
                data-testid={`rule-${c}`}
              />
            </Flex>
          ))}
          <Flex vertical gap={4}>
            <Typography.Text>{t('oversight.rules.deadline')}</Typography.Text>
            <Input
              type="date"
              disabled={!editable}
              value={deadline}
              onChange={(e) => {
                setDeadline(e.target.value);
              }}
              style={{ width: 170 }}
            />
          </Flex>
        </Flex>
        <Flex align="center" gap="middle">
          <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="rules-sum">
            {t('oversight.rules.sum', { sum })}
          </Typography.Text>
          {editable ? (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy}
              disabled={sum !== 100}
              onClick={() => {
                void save();
              }}
              data-testid="rules-save"
            >
              {t('oversight.rules.save')}
            </Button>
          ) : null}
        </Flex>
        <Typography.Paragraph type="secondary">{t('oversight.rules.explain')}</Typography.Paragraph>
      </Flex>
    </Card>
  );
}
