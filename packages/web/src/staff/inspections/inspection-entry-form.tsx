import { CheckCircleOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Select, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import type { InspectionDto, InspectionSaveInput, RecognitionOfferDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { saveInspectionDraft, submitInspection } from '../../api/inspection-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { useSession } from '../../session/use-session.ts';
import {
  INSPECTION_METHODS,
  RECOGNITION_METHOD,
  RESULT_CODES,
  reconcileResultCodes,
} from './inspection-codes.ts';
import { ResultCodeTags } from './result-code-tags.tsx';

interface EntryState {
  codes: string[];
  note: string;
  recognisedResultId: number | null;
}

interface FormState {
  method: string | null;
  inspectedOn: string;
  findings: string;
  entries: Record<string, EntryState>;
}

function entryKey(taskId: number, matter: string): string {
  return JSON.stringify([taskId, matter]);
}

/** Every task and matter of the visit, in order: the checklist (DOMAIN.md §5: a result per matter). */
function checklist(inspection: InspectionDto): { taskId: number; taskCode: string; matter: string }[] {
  return inspection.tasks.flatMap((task) =>
    task.matters.map((matter) => ({ taskId: task.taskId, taskCode: task.code, matter })),
  );
}

function initialState(inspection: InspectionDto): FormState {
  const entries: Record<string, EntryState> = {};
  for (const item of checklist(inspection)) {
    const saved = inspection.results.find((r) => r.taskId === item.taskId && r.matter === item.matter);
    entries[entryKey(item.taskId, item.matter)] = {
      codes: saved?.codes ?? [],
      note: saved?.note ?? '',
      recognisedResultId: saved?.recognisedResultId ?? null,
    };
  }
  return {
    method: inspection.method,
    inspectedOn: inspection.inspectedOn ?? '',
    findings: inspection.findings,
    entries,
  };
}

function toInput(inspection: InspectionDto, state: FormState): InspectionSaveInput {
  return {
    method: state.method,
    inspectedOn: state.inspectedOn === '' ? null : state.inspectedOn,
    findings: state.findings,
    results: checklist(inspection).map((item) => {
      const entry = state.entries[entryKey(item.taskId, item.matter)];
      return {
        taskId: item.taskId,
        matter: item.matter,
        codes: entry?.codes ?? [],
        note: entry?.note ?? '',
        recognisedResultId: entry?.recognisedResultId ?? null,
      };
    }),
  };
}

const codeOptions = RESULT_CODES.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));

/**
 * The team's entry at the door: per task and matter the result codes (multi-select, "A 发现问题待后续处理") and a
 * note, or 采信 of another department's published result when one is offered (结果互认, DOMAIN.md §3); the method,
 * the inspection date and the findings. 保存草稿 keeps an incomplete entry; 提交审核 sends it to the responsible
 * department, and the server names what is missing.
 */
export function InspectionEntryForm({
  inspection,
  onSaved,
}: {
  inspection: InspectionDto;
  onSaved: (saved: InspectionDto) => void;
}) {
  const t = useT();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [state, setState] = useState<FormState>(() => initialState(inspection));
  const [pending, setPending] = useState<'save' | 'submit' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const items = checklist(inspection);
  const allRecognised =
    items.length > 0 &&
    items.every((i) => state.entries[entryKey(i.taskId, i.matter)]?.recognisedResultId != null);

  const setEntry = (key: string, change: Partial<EntryState>) => {
    setState((s) => {
      const current = s.entries[key] ?? { codes: [], note: '', recognisedResultId: null };
      return { ...s, entries: { ...s.entries, [key]: { ...current, ...change } } };
    });
  };

  const send = async (kind: 'save' | 'submit') => {
    if (csrfToken === null) return;
    setPending(kind);
    setFailure(null);
    try {
      const input = toInput(inspection, state);
      const saved =
        kind === 'save'
          ? await saveInspectionDraft(inspection.id, input, csrfToken)
          : await submitInspection(inspection.id, input, csrfToken);
      void message.success(t(kind === 'save' ? 'inspection.saved' : 'inspection.submitted'));
      onSaved(saved);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setPending(null);
    }
  };

  return (
    <Card title={t('inspection.entry')} size={isPhone ? 'small' : 'default'} data-testid="inspection-entry">
      <Flex vertical gap="middle">
        {items.map((item, index) => {
          const key = entryKey(item.taskId, item.matter);
          const entry = state.entries[key] ?? { codes: [], note: '', recognisedResultId: null };
          const offers = inspection.recognitionOffers.filter(
            (o) => o.taskId === item.taskId && o.matter === item.matter,
          );
          return (
            <MatterEntry
              key={key}
              index={index}
              taskCode={item.taskCode}
              matter={item.matter}
              entry={entry}
              offers={offers}
              onChange={(change) => {
                setEntry(key, change);
              }}
            />
          );
        })}
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('inspection.method')}</Typography.Text>
          {allRecognised ? (
            <Typography.Text data-testid="inspection-method-recognised">{RECOGNITION_METHOD}</Typography.Text>
          ) : (
            <Select<string>
              data-testid="inspection-method"
              size={isPhone ? 'large' : 'middle'}
              placeholder={t('inspection.methodPlaceholder')}
              value={state.method === RECOGNITION_METHOD ? undefined : (state.method ?? undefined)}
              options={INSPECTION_METHODS.map((m) => ({ value: m, label: m }))}
              style={{ maxWidth: isPhone ? undefined : 320 }}
              onChange={(value) => {
                setState((s) => ({ ...s, method: value }));
              }}
            />
          )}
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('inspection.inspectedOn')}</Typography.Text>
          <Input
            type="date"
            data-testid="inspection-date"
            size={isPhone ? 'large' : 'middle'}
            value={state.inspectedOn}
            style={{ maxWidth: isPhone ? undefined : 220 }}
            onChange={(event) => {
              setState((s) => ({ ...s, inspectedOn: event.target.value }));
            }}
          />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('inspection.findings')}</Typography.Text>
          <Input.TextArea
            data-testid="inspection-findings"
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={10000}
            value={state.findings}
            placeholder={t('inspection.findingsPlaceholder')}
            onChange={(event) => {
              setState((s) => ({ ...s, findings: event.target.value }));
            }}
          />
        </Flex>
        {failure === null ? null : (
          <Alert
            type="error"
            showIcon
            title={t('inspection.saveFailed')}
            description={failure}
            data-testid="inspection-error"
          />
        )}
        <Flex gap="small" vertical={isPhone} wrap>
          <Button
            icon={<SaveOutlined />}
            size="large"
            block={isPhone}
            loading={pending === 'save'}
            disabled={pending !== null}
            data-testid="inspection-save"
            onClick={() => {
              void send('save');
            }}
          >
            {t('inspection.save')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            size="large"
            block={isPhone}
            loading={pending === 'submit'}
            disabled={pending !== null}
            data-testid="inspection-submit"
            onClick={() => {
              void send('submit');
            }}
          >
            {t('inspection.submit')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function MatterEntry({
  index,
  taskCode,
  matter,
  entry,
  offers,
  onChange,
}: {
  index: number;
  taskCode: string;
  matter: string;
  entry: EntryState;
  offers: readonly RecognitionOfferDto[];
  onChange: (change: Partial<EntryState>) => void;
}) {
  const t = useT();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const recognised = offers.find((o) => o.resultId === entry.recognisedResultId) ?? null;
  return (
    <Flex
      vertical
      gap={8}
      data-testid={`matter-entry-${index}`}
      style={{
        padding: isPhone ? 10 : 12,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      <Typography.Text strong>
        <Typography.Text code>{taskCode}</Typography.Text> {matter}
      </Typography.Text>
      {offers.map((offer) => (
        <Alert
          key={offer.resultId}
          type={recognised?.resultId === offer.resultId ? 'success' : 'info'}
          showIcon
          data-testid={`recognition-offer-${index}`}
          title={t('inspection.offer', {
            department: offer.departmentName,
            task: offer.taskCode,
            date: offer.publishedOn,
          })}
          description={
            <Flex vertical gap={8}>
              <ResultCodeTags codes={offer.codes} />
              {recognised?.resultId === offer.resultId ? (
                <Button
                  size="large"
                  block={isPhone}
                  onClick={() => {
                    onChange({ recognisedResultId: null, codes: [] });
                  }}
                  data-testid={`recognition-undo-${index}`}
                >
                  {t('inspection.recogniseUndo')}
                </Button>
              ) : (
                <Button
                  size="large"
                  block={isPhone}
                  icon={<CheckCircleOutlined />}
                  onClick={() => {
                    onChange({ recognisedResultId: offer.resultId, codes: [...offer.codes] });
                  }}
                  data-testid={`recognise-${index}`}
                >
                  {t('inspection.recognise')}
                </Button>
              )}
            </Flex>
          }
        />
      ))}
      {recognised === null ? (
        <Select<string[]>
          mode="multiple"
          data-testid={`result-codes-${index}`}
          size={isPhone ? 'large' : 'middle'}
          placeholder={t('inspection.codesPlaceholder')}
          value={entry.codes}
          options={codeOptions}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          onChange={(value) => {
            onChange({ codes: reconcileResultCodes(entry.codes, value) });
          }}
        />
      ) : (
        <Tag color="success" style={{ alignSelf: 'flex-start' }}>
          {t('inspection.recognisedFrom', { department: recognised.departmentName })}
        </Tag>
      )}
      <Input.TextArea
        data-testid={`result-note-${index}`}
        autoSize={{ minRows: 1, maxRows: 6 }}
        maxLength={2000}
        value={entry.note}
        placeholder={t('inspection.notePlaceholder')}
        onChange={(event) => {
          onChange({ note: event.target.value });
        }}
      />
    </Flex>
  );
}

/** The entry as stored, for those who do not edit it (reviewers, the office, auditors, or after submission). */
export function InspectionEntryView({ inspection }: { inspection: InspectionDto }) {
  const t = useT();
  const isPhone = useIsPhone();
  const items = checklist(inspection);
  return (
    <Card
      title={t('inspection.entry')}
      size={isPhone ? 'small' : 'default'}
      data-testid="inspection-entry-view"
    >
      <Flex vertical gap="middle">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'method', label: t('inspection.method'), children: inspection.method ?? '—' },
            { key: 'date', label: t('inspection.inspectedOn'), children: inspection.inspectedOn ?? '—' },
            {
              key: 'findings',
              label: t('inspection.findings'),
              children: (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {inspection.findings === '' ? '—' : inspection.findings}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
        {items.map((item, index) => {
          const result = inspection.results.find((r) => r.taskId === item.taskId && r.matter === item.matter);
          return (
            <Flex
              key={entryKey(item.taskId, item.matter)}
              vertical
              gap={4}
              data-testid={`matter-result-${index}`}
            >
              <Typography.Text strong>
                <Typography.Text code>{item.taskCode}</Typography.Text> {item.matter}
              </Typography.Text>
              {result === undefined || result.codes.length === 0 ? (
                <Typography.Text type="secondary">{t('inspection.noResult')}</Typography.Text>
              ) : (
                <ResultCodeTags codes={result.codes} />
              )}
              {result?.recognisedResultId == null ? null : (
                <Tag color="success" style={{ alignSelf: 'flex-start' }}>
                  {t('inspection.recognised')}
                </Tag>
              )}
              {result === undefined || result.note === '' ? null : (
                <Typography.Text type="secondary">{result.note}</Typography.Text>
              )}
              {inspection.status === 'published'
                ? null
                : inspection.recognitionOffers
                    .filter((o) => o.taskId === item.taskId && o.matter === item.matter)
                    .map((offer) => (
                      <Alert
                        key={offer.resultId}
                        type="info"
                        showIcon
                        data-testid={`recognition-offer-${index}`}
                        title={t('inspection.offer', {
                          department: offer.departmentName,
                          task: offer.taskCode,
                          date: offer.publishedOn,
                        })}
                        description={<ResultCodeTags codes={offer.codes} />}
                      />
                    ))}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
