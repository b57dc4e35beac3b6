import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { PublicResultDto } from '@ssj/server/api-types';
import {
  getPublicResults,
  publicResultsDownloadUrl,
  type PublicResultQuery,
} from '../../api/inspection-endpoints.ts';
import { getDepartments } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { planRegions } from '../../plan/plan-regions.ts';
import { RESULT_CODES, resultCodeColor } from './inspection-codes.ts';

const PAGE_SIZE = 20;

function readNumber(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Publication against the deadline: 按期公示 or 逾期公示 (late publication is shown, never hidden). */
export function PublicationTag({ result }: { result: PublicResultDto }) {
  const t = useT();
  return result.late ? (
    <Tag color="volcano" data-testid="publication-tag" data-late="true">
      {t('results.late')}
    </Tag>
  ) : (
    <Tag color="green" data-testid="publication-tag" data-late="false">
      {t('results.onTime')}
    </Tag>
  );
}

function MatterResults({ result }: { result: PublicResultDto }) {
  const t = useT();
  return (
    <Flex vertical gap={6}>
      {result.matters.map((m) => (
        <Flex key={m.matter} vertical gap={2}>
          <Typography.Text style={{ fontSize: 13 }}>{m.matter}</Typography.Text>
          <Flex wrap gap={4}>
            {m.codes.map((code, i) => (
              <Tag key={code} color={resultCodeColor(code)} style={{ whiteSpace: 'normal' }}>
                {code} {m.codeNames[i] ?? ''}
              </Tag>
            ))}
            {m.recognised ? <Tag color="cyan">{t('results.recognised')}</Tag> : null}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}

function PublicationDates({ result }: { result: PublicResultDto }) {
  const t = useT();
  return (
    <Flex vertical gap={2} align="flex-start">
      <PublicationTag result={result} />
      <Typography.Text style={{ fontSize: 12 }}>
        {t('results.publishedOn', { date: result.publishedOn })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('results.deadline', { date: result.deadline })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Published results (抽查结果, 一公开): search by name or USCC, filter by year, region, department and result code,
 * page by 20; a table on a wide screen, cards on a phone; CSV and JSON downloads of the same query (open data). The
 * staff app (`linkToInspection`) links each result to its inspection and may fix the region to the user's own.
 */
export function PublishedResults({
  years,
  linkToInspection = false,
  fixedRegion,
}: {
  years: readonly number[];
  linkToInspection?: boolean;
  fixedRegion?: string | undefined;
}) {
  const t = useT();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const page = readNumber(params.get('page')) ?? 1;
  const region = fixedRegion ?? params.get('region') ?? undefined;
  const query: PublicResultQuery = {
    year: readNumber(params.get('year')),
    q: params.get('q') ?? undefined,
    department: readNumber(params.get('department')),
    region,
    code: params.get('code') ?? undefined,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const results = useApiQuery(`public-results:${JSON.stringify(query)}`, (signal) =>
    getPublicResults(query, signal),
  );
  const departments = useApiQuery(`departments:${region ?? ''}`, (signal) => getDepartments(region, signal));

  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const data = results.state.status === 'loaded' ? results.state.data : null;
  const width = (desktop: number) => (isPhone ? '100%' : desktop);

  const objectCell = (r: PublicResultDto) => (
    <Flex vertical>
      {linkToInspection ? (
        <Link to={`/app/inspections/${r.inspectionId}`}>{r.objectName}</Link>
      ) : (
        <Typography.Text strong>{r.objectName}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="result-object-id">
        {r.canonicalId}
      </Typography.Text>
    </Flex>
  );

  const columns: TableColumnsType<PublicResultDto> = [
    { key: 'object', title: t('results.col.object'), width: 230, render: (_, r) => objectCell(r) },
    {
      key: 'task',
      title: t('results.col.task'),
      width: 230,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text style={{ fontSize: 13 }}>
            <Typography.Text code>{r.taskCode}</Typography.Text> {r.taskName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.departmentName} · {r.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'matters',
      title: t('results.col.matters'),
      width: 330,
      render: (_, r) => <MatterResults result={r} />,
    },
    {
      key: 'method',
      title: t('results.col.method'),
      width: 130,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text style={{ fontSize: 13 }}>{r.method ?? '—'}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.inspectedOn ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'published',
      title: t('results.col.published'),
      width: 160,
      render: (_, r) => <PublicationDates result={r} />,
    },
  ];

  const downloadQuery = { ...query, offset: undefined, limit: undefined };

  return (
    <Flex vertical gap="middle">
      <Flex wrap gap="small" align="center">
        <Input.Search
          allowClear
          size={isPhone ? 'large' : 'middle'}
          placeholder={t('results.search')}
          defaultValue={query.q}
          style={{ width: width(320) }}
          enterButton
          onSearch={(value) => {
            set({ q: value.trim() });
          }}
          data-testid="results-search"
        />
        <Select<number>
          allowClear
          placeholder={t('inspections.allYears')}
          value={query.year}
          style={{ width: width(130) }}
          options={years.map((y) => ({ value: y, label: t('plan.yearOption', { year: y }) }))}
          onChange={(value) => {
            set({ year: value });
          }}
          data-testid="results-year"
        />
        {fixedRegion === undefined ? (
          <Select<string>
            allowClear
            placeholder={t('registers.allRegions')}
            value={query.region}
            style={{ width: width(140) }}
            options={planRegions.map((r) => ({ value: r.code, label: r.label }))}
            onChange={(value) => {
              set({ region: value, department: undefined });
            }}
            data-testid="results-region"
          />
        ) : null}
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inspections.allDepartments')}
          value={query.department}
          style={{ width: width(240) }}
          options={
            departments.state.status === 'loaded'
              ? departments.state.data.map((d) => ({ value: d.id, label: d.name }))
              : []
          }
          onChange={(value) => {
            set({ department: value });
          }}
          data-testid="results-department"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('results.allCodes')}
          value={query.code}
          style={{ width: width(260) }}
          options={RESULT_CODES.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
          onChange={(value) => {
            set({ code: value });
          }}
          data-testid="results-code"
        />
      </Flex>
      <Flex wrap gap="small" align="center" justify="space-between">
        <Typography.Text type="secondary" data-testid="results-total">
          {data === null
            ? ''
            : data.totalCapped
              ? t('results.totalCapped', { count: data.total })
              : t('results.total', { count: data.total })}
        </Typography.Text>
        <Flex gap="small">
          <Button
            icon={<DownloadOutlined />}
            href={publicResultsDownloadUrl('csv', downloadQuery)}
            data-testid="results-download-csv"
          >
            CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={publicResultsDownloadUrl('json', downloadQuery)}
            data-testid="results-download-json"
          >
            JSON
          </Button>
        </Flex>
      </Flex>
      {results.state.status === 'error' ? (
        <QueryErrorAlert
          title={t('results.loadFailed')}
          error={results.state.error}
          onRetry={results.reload}
        />
      ) : null}
      {isPhone ? (
        <List<PublicResultDto>
          data-testid="results-table"
          loading={results.state.status === 'loading'}
          dataSource={data?.results ?? []}
          split={false}
          locale={{ emptyText: <Empty description={t('results.none')} /> }}
          pagination={
            (data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: data?.total ?? 0,
                  size: 'small',
                  showSizeChanger: false,
                  onChange: (p) => {
                    set({ page: p });
                  },
                }
              : false
          }
          renderItem={(r) => (
            <List.Item style={{ paddingBlock: 6 }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                data-testid={`result-card-${r.inspectionId}-${r.taskCode}`}
                title={objectCell(r)}
              >
                <Flex vertical gap={8}>
                  <Typography.Text style={{ fontSize: 13 }}>
                    <Typography.Text code>{r.taskCode}</Typography.Text> {r.taskName}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.departmentName} · {r.regionName} · {r.method ?? '—'} {r.inspectedOn ?? ''}
                  </Typography.Text>
                  <MatterResults result={r} />
                  <PublicationDates result={r} />
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<PublicResultDto>
          data-testid="results-table"
          rowKey={(r) => `${r.inspectionId}/${r.taskCode}/${r.batch}`}
          size="small"
          loading={results.state.status === 'loading'}
          columns={columns}
          dataSource={data?.results ?? []}
          scroll={{ x: 1080 }}
          locale={{ emptyText: <Empty description={t('results.none')} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => {
              set({ page: p });
            },
          }}
        />
      )}
    </Flex>
  );
}
