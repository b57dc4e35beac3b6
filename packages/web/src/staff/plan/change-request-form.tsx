import { EditOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Segmented, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import type { ChangeKind, ChangeRequestDto, PlanTaskInput, TaskDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { submitChangeRequest } from '../../api/plan-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { planRegionLabel } from '../../plan/plan-regions.ts';
import { emptyTaskInput, TaskFormDrawer } from '../../plan/task-form-drawer.tsx';
import { TaskTable } from '../../plan/task-table.tsx';
import { formatTaskCode, taskInputFromDto, taskViewFromInput } from '../../plan/task-view.ts';
import { useSession } from '../../session/use-session.ts';

const kinds: readonly ChangeKind[] = ['adjust', 'add', 'withdraw'];
const maxLetterBytes = 10 * 1024 * 1024;
const letterTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** Whether a file is an acceptable letter: PDF, PNG or JPEG by type or name, at most 10 MB; else why not. */
function checkLetter(file: File): 'type' | 'size' | null {
  const lower = file.name.toLowerCase();
  const byName = Object.keys(letterTypes).some((extension) => lower.endsWith(extension));
  const byType = Object.values(letterTypes).includes(file.type);
  if (!byName || (file.type !== '' && !byType)) return 'type';
  if (file.size > maxLetterBytes) return 'size';
  return null;
}

export interface ChangeRequestFormProps {
  year: number;
  tasks: readonly TaskDto[];
  onSubmitted: (request: ChangeRequestDto) => void;
}

/**
 * A department's written request to change the published plan: add a task, adjust or withdraw one, with the
 * reason and the stamped letter (PDF, PNG, JPEG, ≤ 10 MB).
 */
export function ChangeRequestForm({ year, tasks, onSubmitted }: ChangeRequestFormProps) {
  const t = useT();
  const { message } = App.useApp();
  const { session, csrfToken } = useSession();
  const [kind, setKind] = useState<ChangeKind>('adjust');
  const [taskCode, setTaskCode] = useState<string | null>(null);
  const [proposal, setProposal] = useState<PlanTaskInput | null>(null);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [letter, setLetter] = useState<File | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);

  // A department may ask to change only the tasks it initiates or cooperates in.
  const departmentId = session?.user.departmentId ?? null;
  const ownTasks = tasks.filter((task) =>
    [...task.initiatorDepartments, ...task.cooperatorDepartments].some((d) => d.id === departmentId),
  );
  const selected = taskCode === null ? undefined : ownTasks.find((task) => task.code === taskCode);
  const nextSeq = tasks.reduce((max, task) => Math.max(max, task.seq), 0) + 1;
  const userRegion =
    session === null ? '' : planRegionLabel(session.user.regionCode, session.user.regionName);
  const needsTask = kind !== 'add';
  const needsProposal = kind !== 'withdraw';
  const proposalCode = kind === 'add' ? formatTaskCode(year, nextSeq) : (taskCode ?? '');

  const chooseKind = (next: ChangeKind) => {
    setKind(next);
    setErrors([]);
    if (next === 'add')
      setProposal(emptyTaskInput(userRegion, nextSeq, session?.user.departmentName ?? null));
    else if (next === 'adjust' && selected !== undefined) setProposal(taskInputFromDto(selected));
    else setProposal(null);
  };

  const chooseTask = (code: string | null) => {
    setTaskCode(code);
    const task = code === null ? undefined : ownTasks.find((candidate) => candidate.code === code);
    setProposal(kind === 'adjust' && task !== undefined ? taskInputFromDto(task) : null);
  };

  const reset = () => {
    setTaskCode(null);
    setProposal(
      kind === 'add' ? emptyTaskInput(userRegion, nextSeq, session?.user.departmentName ?? null) : null,
    );
    setReason('');
    setLetter(null);
    setErrors([]);
  };

  const submit = async () => {
    const problems: string[] = [];
    if (needsTask && selected === undefined) problems.push(t('changeForm.taskRequired'));
    if (needsProposal && (proposal === null || (proposal.name ?? '').trim() === '')) {
      problems.push(t('changeForm.proposalRequired'));
    }
    if (
      kind === 'adjust' &&
      selected !== undefined &&
      proposal !== null &&
      JSON.stringify(proposal) === JSON.stringify(taskInputFromDto(selected))
    ) {
      problems.push(t('changeForm.unchanged'));
    }
    if (reason.trim().length < 2) problems.push(t('changeForm.reasonRequired'));
    if (letter === null) problems.push(t('changeForm.letterRequired'));
    setErrors(problems);
    if (problems.length > 0 || letter === null || csrfToken === null) return;
    setSubmitting(true);
    try {
      const request = await submitChangeRequest(
        year,
        {
          kind,
          taskCode: needsTask ? (taskCode ?? null) : null,
          task: needsProposal ? proposal : null,
          reason: reason.trim(),
          letter,
        },
        csrfToken,
      );
      void message.success(t('changeForm.submitted', { id: request.id }));
      reset();
      onSubmitted(request);
    } catch (error) {
      setErrors([describeError(error, t)]);
    } finally {
      setSubmitting(false);
    }
  };

  const letterList: UploadFile[] =
    letter === null ? [] : [{ uid: 'letter', name: letter.name, size: letter.size, status: 'done' }];

  return (
    <>
      <Form layout="vertical" data-testid="change-request-form" onFinish={() => void submit()}>
        <Form.Item label={t('changeForm.kind')}>
          <Segmented<ChangeKind>
            data-testid="change-kind"
            value={kind}
            onChange={chooseKind}
            options={kinds.map((value) => ({ value, label: t(`changeKind.${value}`) }))}
          />
        </Form.Item>
        {needsTask ? (
          <Form.Item label={t('changeForm.task')} required>
            <Select
              data-testid="change-task-select"
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              value={taskCode}
              placeholder={t('changeForm.taskPlaceholder')}
              onChange={(value: string | undefined) => {
                chooseTask(value ?? null);
              }}
              options={ownTasks.map((task) => ({ value: task.code, label: `${task.code} ${task.name}` }))}
            />
          </Form.Item>
        ) : null}
        {needsProposal ? (
          <Form.Item label={kind === 'add' ? t('changeForm.newTask') : t('changeForm.adjustedTask')} required>
            <Flex vertical gap="small">
              {proposal === null ? (
                <Typography.Text type="secondary">{t('changeForm.pickTaskFirst')}</Typography.Text>
              ) : (
                <TaskTable tasks={[{ ...taskViewFromInput(proposal, year), code: proposalCode }]} />
              )}
              <div>
                <Button
                  icon={<EditOutlined />}
                  data-testid="change-edit-task"
                  disabled={proposal === null}
                  onClick={() => {
                    setEditing(true);
                  }}
                >
                  {kind === 'add' ? t('changeForm.fillTask') : t('changeForm.editTask')}
                </Button>
              </div>
            </Flex>
          </Form.Item>
        ) : null}
        <Form.Item label={t('changeForm.reason')} required>
          <Input.TextArea
            data-testid="change-reason"
            rows={3}
            maxLength={1000}
            value={reason}
            placeholder={t('changeForm.reasonPlaceholder')}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </Form.Item>
        <Form.Item label={t('changeForm.letter')} required extra={t('changeForm.letterHint')}>
          <div data-testid="change-letter">
            <Upload
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              maxCount={1}
              fileList={letterList}
              beforeUpload={(file) => {
                const problem = checkLetter(file);
                if (problem !== null) {
                  void message.error(
                    t(problem === 'type' ? 'changeForm.letterType' : 'changeForm.letterSize', {
                      name: file.name,
                    }),
                  );
                  return Upload.LIST_IGNORE;
                }
                setLetter(file);
                return false;
              }}
              onRemove={() => {
                setLetter(null);
              }}
            >
              <Button icon={<UploadOutlined />}>{t('changeForm.pickLetter')}</Button>
            </Upload>
          </div>
        </Form.Item>
        {errors.length === 0 ? null : (
          <Alert
            type="error"
            showIcon
            data-testid="change-errors"
            style={{ marginBottom: 16 }}
            title={t('changeForm.cannotSubmit')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            }
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={submitting}
          data-testid="submit-change"
        >
          {t('changeForm.submit')}
        </Button>
      </Form>
      <TaskFormDrawer
        task={editing ? proposal : null}
        code={proposalCode}
        regionEditable={kind === 'add'}
        onClose={() => {
          setEditing(false);
        }}
        onSave={(task) => {
          setProposal(task);
          setEditing(false);
        }}
      />
    </>
  );
}
