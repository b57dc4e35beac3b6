import { InboxOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PlanPreviewDto, PlanTaskInput, PlanWarningDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { previewPlanFile, savePlanDraft } from '../../api/plan-endpoints.ts';
import { useT } from '../../i18n/use-t.ts';
import { PlanTasksView } from '../../plan/plan-tasks-view.tsx';
import type { TaskFocus } from '../../plan/plan-tasks-view.tsx';
import { TaskFormDrawer } from '../../plan/task-form-drawer.tsx';
import { formatTaskCode, taskViewFromInput } from '../../plan/task-view.ts';
import { WarningList } from '../../plan/warning-list.tsx';
import { useSession } from '../../session/use-session.ts';
import { PlanSubNav } from './plan-sub-nav.tsx';
import { PublishPlanButton } from './publish-plan-button.tsx';

const maxFileBytes = 20 * 1024 * 1024;
const acceptedExtensions = ['.txt', '.xlsx', '.xls', '.docx'];

/**
 * `/app/plan/import` (office only): pick the year and title, upload the notice as it was published, review every
 * warning, fix tasks by hand, save the draft, publish.
 */
export function PlanImportPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { session, csrfToken } = useSession();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [title, setTitle] = useState<string | null>(null);
  const [preview, setPreview] = useState<PlanPreviewDto | null>(null);
  const [tasks, setTasks] = useState<PlanTaskInput[]>([]);
  const [edited, setEdited] = useState<ReadonlySet<number>>(new Set());
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<PlanTaskInput | null>(null);
  const [focus, setFocus] = useState<TaskFocus | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const effectiveTitle = title ?? t('import.defaultTitle', { year });
  // What a saved draft must match for the publish button to publish exactly what is on screen.
  const draftKey = `${year}|${effectiveTitle}|${revision}`;

  const warningsBySeq = useMemo(() => {
    const map = new Map<number, PlanWarningDto[]>();
    for (const warning of preview?.warnings ?? []) {
      if (warning.seq === null) continue;
      map.set(warning.seq, [...(map.get(warning.seq) ?? []), warning]);
    }
    return map;
  }, [preview]);
  const views = useMemo(
    () =>
      tasks.map((task) =>
        taskViewFromInput(task, year, warningsBySeq.get(task.seq) ?? [], edited.has(task.seq)),
      ),
    [tasks, year, warningsBySeq, edited],
  );

  if (session?.user.role !== 'office_admin') {
    return (
      <Flex vertical gap="middle">
        <PlanSubNav />
        <Result status="403" title={t('import.officeOnly')} />
      </Flex>
    );
  }

  const readFile = async (file: File) => {
    setUploadError(null);
    const lower = file.name.toLowerCase();
    if (!acceptedExtensions.some((extension) => lower.endsWith(extension))) {
      setUploadError(t('import.badType', { name: file.name }));
      return;
    }
    if (file.size > maxFileBytes) {
      setUploadError(t('import.tooLarge', { name: file.name }));
      return;
    }
    if (csrfToken === null) return;
    setUploading(true);
    try {
      const result = await previewPlanFile(file, csrfToken);
      setPreview(result);
      setTasks(result.tasks);
      setEdited(new Set());
      setFocus(null);
      setSavedFor(null);
      setRevision((n) => n + 1);
    } catch (error) {
      setUploadError(describeError(error, t));
    } finally {
      setUploading(false);
    }
  };

  const saveTask = (task: PlanTaskInput) => {
    setTasks((current) => current.map((candidate) => (candidate.seq === task.seq ? task : candidate)));
    setEdited((current) => new Set([...current, task.seq]));
    setEditing(null);
    setRevision((n) => n + 1);
    setFocus({ key: formatTaskCode(year, task.seq), nonce: Date.now() });
  };

  const saveDraft = async () => {
    if (csrfToken === null || preview === null) return;
    setSaving(true);
    try {
      const saved = await savePlanDraft(
        year,
        { title: effectiveTitle, sourceName: preview.fileName, tasks },
        csrfToken,
      );
      setSavedFor(draftKey);
      void message.success(t('import.saved', { year: saved.year, count: saved.taskCount }));
    } catch (error) {
      void message.error(t('import.saveFailed', { reason: describeError(error, t) }));
    } finally {
      setSaving(false);
    }
  };

  const firstCode = tasks[0] === undefined ? null : formatTaskCode(year, tasks[0].seq);
  const lastTask = tasks[tasks.length - 1];
  const lastCode = lastTask === undefined ? null : formatTaskCode(year, lastTask.seq);

  return (
    <Flex vertical gap="middle">
      <PlanSubNav />
      <Card title={t('import.title')}>
        <Flex vertical gap="middle">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('import.intro')}
          </Typography.Paragraph>
          <Form layout="inline" style={{ rowGap: 12 }}>
            <Form.Item label={t('import.year')}>
              <InputNumber
                data-testid="import-year"
                min={2000}
                max={2100}
                precision={0}
                value={year}
                onChange={(value) => {
                  if (value !== null) setYear(value);
                }}
              />
            </Form.Item>
            <Form.Item label={t('import.planTitle')} style={{ flex: 1, minWidth: 320 }}>
              <Input
                data-testid="import-title"
                value={effectiveTitle}
                onChange={(event) => {
                  setTitle(event.target.value);
                }}
              />
            </Form.Item>
          </Form>
          <div data-testid="plan-upload">
            <Upload.Dragger
              accept={acceptedExtensions.join(',')}
              multiple={false}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void readFile(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
          </div>
          {uploading ? (
            <Flex gap="small" align="center" data-testid="upload-reading">
              <Spin />
              <Typography.Text type="secondary">{t('import.reading')}</Typography.Text>
            </Flex>
          ) : null}
          {uploadError === null ? null : (
            <Alert
              type="error"
              showIcon
              title={t('import.readFailed')}
              description={uploadError}
              data-testid="upload-error"
            />
          )}
        </Flex>
      </Card>

      {preview === null ? null : (
        <>
          <Alert
            type={preview.warnings.length === 0 ? 'success' : 'warning'}
            showIcon
            data-testid="preview-summary"
            title={t('import.summary', {
              file: preview.fileName,
              format: preview.format,
              count: tasks.length,
              warnings: preview.warnings.length,
            })}
            description={
              firstCode === null || lastCode === null
                ? t('import.noTasks')
                : t('import.codes', { first: firstCode, last: lastCode })
            }
          />
          {preview.warnings.length === 0 ? null : (
            <Card title={t('import.warnings', { count: preview.warnings.length })} size="small">
              <Typography.Paragraph type="secondary">{t('import.warningsHint')}</Typography.Paragraph>
              <WarningList
                warnings={preview.warnings}
                edited={edited}
                onSelect={(seq) => {
                  setFocus({ key: formatTaskCode(year, seq), nonce: Date.now() });
                }}
              />
            </Card>
          )}
          <Card
            title={t('import.preview')}
            extra={
              <Flex gap="small" wrap>
                <Button
                  icon={<SaveOutlined />}
                  data-testid="save-draft"
                  loading={saving}
                  disabled={tasks.length === 0}
                  onClick={() => {
                    void saveDraft();
                  }}
                >
                  {t('import.saveDraft')}
                </Button>
                <PublishPlanButton
                  year={year}
                  taskCount={tasks.length}
                  blockedReason={savedFor === draftKey ? null : t('import.saveFirst')}
                  onPublished={() => {
                    void navigate(`/app/plan?year=${year}`);
                  }}
                />
              </Flex>
            }
          >
            <div data-testid="plan-preview-table">
              <PlanTasksView
                tasks={views}
                focus={focus}
                onEdit={(view) => {
                  setEditing(tasks.find((task) => task.seq === view.seq) ?? null);
                }}
              />
            </div>
          </Card>
        </>
      )}
      <TaskFormDrawer
        task={editing}
        code={editing === null ? '' : formatTaskCode(year, editing.seq)}
        onClose={() => {
          setEditing(null);
        }}
        onSave={saveTask}
      />
    </Flex>
  );
}
