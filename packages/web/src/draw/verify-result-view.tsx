import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Flex, List, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import type { Translate } from '../i18n/i18n-context.ts';
import { useT } from '../i18n/use-t.ts';
import { SEALED_STRATA_NOTE } from '../verify/verify-record.ts';
import type { RecordReport } from '../verify/verify-record.ts';
import type { CrossCheck } from './record-cross-checks.ts';
import { crossCheckFields, isOutcomeOk } from './verify-outcome.ts';
import type { VerifyOutcome } from './verify-outcome.ts';

const NO_INSPECTORS_NOTE = 'no inspector draw in this record';

function describeSource(outcome: VerifyOutcome, t: Translate): string {
  const record =
    outcome.source.kind === 'published'
      ? t('verify.source.published')
      : t('verify.source.local', { name: outcome.source.fileName });
  return outcome.strataFileName === null
    ? record
    : `${record} + ${t('verify.source.strata', { name: outcome.strataFileName })}`;
}

/**
 * The verifier's answer, in words a citizen can follow: ✓ with what was recomputed, or ✗ with the first discrepancy
 * (field, expected, found). `data-status` is `ok` or `failed`.
 */
export function VerifyResultView({ outcome }: { outcome: VerifyOutcome }) {
  const t = useT();
  const ok = isOutcomeOk(outcome);
  const { verification } = outcome;
  const failedCheck = outcome.checks.find((check) => !check.ok);

  let body: ReactNode;
  if (verification.kind === 'unreadable') {
    body = (
      <Discrepancy
        title={t('verify.unreadable')}
        field={verification.path === '' ? t('verify.wholeFile') : verification.path}
        message={verification.message}
      />
    );
  } else if (verification.kind === 'discrepancy') {
    const d = verification.discrepancy;
    body = (
      <Discrepancy
        title={t('verify.discrepancy')}
        field={d.field}
        id={d.id}
        expected={d.expected}
        found={d.found}
        message={d.message}
      />
    );
  } else if (failedCheck !== undefined) {
    body = (
      <Flex vertical gap="small">
        <ReportLines report={verification.report} checks={outcome.checks} />
        <Discrepancy
          title={t(`verify.mismatch.${failedCheck.kind}`)}
          field={crossCheckFields[failedCheck.kind]}
          expected={failedCheck.expected}
          found={failedCheck.found}
        />
      </Flex>
    );
  } else {
    body = <ReportLines report={verification.report} checks={outcome.checks} />;
  }

  return (
    <div data-testid="verify-result" data-status={ok ? 'ok' : 'failed'} aria-live="polite">
      <Alert
        type={ok ? 'success' : 'error'}
        showIcon
        icon={ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
        title={
          <Flex vertical>
            <Typography.Text strong>{ok ? t('verify.ok') : t('verify.failed')}</Typography.Text>
            <Typography.Text type="secondary">{describeSource(outcome, t)}</Typography.Text>
          </Flex>
        }
        description={body}
      />
    </div>
  );
}

function ReportLines({ report, checks }: { report: RecordReport; checks: readonly CrossCheck[] }) {
  const t = useT();
  const lines: { key: string; ok: boolean; text: string }[] = [
    { key: 'record', ok: true, text: t('verify.line.record', { id: report.recordId }) },
    {
      key: 'frame',
      ok: true,
      text: t('verify.line.frame', { size: report.frameSize, strata: report.strataCount }),
    },
    { key: 'tickets', ok: true, text: t('verify.line.tickets', { count: report.targetCount }) },
    report.selection === 'verified'
      ? { key: 'selection', ok: true, text: t('verify.line.selection', { count: report.targetCount }) }
      : { key: 'selection', ok: true, text: t('verify.line.sealed') },
  ];
  if (report.strataFileChecked) lines.push({ key: 'strata', ok: true, text: t('verify.line.strataFile') });
  if (report.inspectorTeams !== null) {
    lines.push({ key: 'teams', ok: true, text: t('verify.line.teams', { count: report.inspectorTeams }) });
  }
  for (const note of report.notes) {
    if (note === SEALED_STRATA_NOTE) continue;
    lines.push({ key: note, ok: true, text: note === NO_INSPECTORS_NOTE ? t('verify.line.noTeams') : note });
  }
  for (const check of checks) {
    lines.push({
      key: check.kind,
      ok: check.ok,
      text: check.ok ? t(`verify.check.${check.kind}`) : t(`verify.mismatch.${check.kind}`),
    });
  }
  return (
    <List
      size="small"
      split={false}
      data-testid="verify-report"
      dataSource={lines}
      renderItem={(line) => (
        <List.Item style={{ paddingBlock: 2, paddingInline: 0, border: 'none' }}>
          <Flex gap="small" align="baseline">
            <Mark ok={line.ok} />
            <Typography.Text>{line.text}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Mark({ ok }: { ok: boolean }) {
  const { token } = theme.useToken();
  return ok ? (
    <CheckCircleFilled style={{ color: token.colorSuccess }} />
  ) : (
    <CloseCircleFilled style={{ color: token.colorError }} />
  );
}

function Discrepancy(props: {
  title: string;
  field: string;
  id?: string | null;
  expected?: string;
  found?: string;
  message?: string;
}) {
  const t = useT();
  const mono = {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    wordBreak: 'break-all',
  } as const;
  const items = [
    {
      key: 'field',
      label: t('verify.field'),
      children: <Typography.Text code>{props.field}</Typography.Text>,
    },
  ];
  if (props.id !== undefined && props.id !== null) {
    items.push({ key: 'id', label: t('verify.id'), children: <span style={mono}>{props.id}</span> });
  }
  if (props.expected !== undefined) {
    items.push({
      key: 'expected',
      label: t('verify.expected'),
      children: <span style={mono}>{props.expected}</span>,
    });
  }
  if (props.found !== undefined) {
    items.push({ key: 'found', label: t('verify.found'), children: <span style={mono}>{props.found}</span> });
  }
  if (props.message !== undefined && props.message !== '') {
    items.push({ key: 'message', label: t('verify.detail'), children: <span>{props.message}</span> });
  }
  return (
    <Flex vertical gap="small" data-testid="verify-discrepancy">
      <Typography.Text strong>{props.title}</Typography.Text>
      <Descriptions size="small" column={1} bordered items={items} />
    </Flex>
  );
}
