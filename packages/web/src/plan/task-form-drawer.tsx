import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { PlanTaskInput, RatioBoundDto, TaskLineDto } from '@ssj/server/api-types';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { planRegions } from './plan-regions.ts';

interface LineFields {
  matters: string[];
  scope: string;
  percent: number | null | undefined;
  bound: RatioBoundDto;
  timesPerYear: number | null | undefined;
  minCount: number | null | undefined;
  approxCount: number | null | undefined;
  fromMonth: number | null | undefined;
  toMonth: number | null | undefined;
}

interface TaskFields {
  region: string;
  name: string;
  riskBased: boolean;
  initiators: string[];
  cooperators: string[];
  lines: LineFields[];
}

const bounds: readonly RatioBoundDto[] = ['exact', 'atLeast', 'atMost'];
const months = Array.from({ length: 12 }, (_, index) => index + 1);

function toFields(task: PlanTaskInput): TaskFields {
  return {
    region: task.region,
    name: task.name ?? '',
    riskBased: task.riskBased,
    initiators: task.initiators,
    cooperators: task.cooperators,
    lines: task.lines.map((line) => ({
      matters: line.matters.length === 0 ? [''] : line.matters,
      scope: line.scope ?? '',
      percent: line.ratio?.percent ?? null,
      bound: line.ratio?.bound ?? 'exact',
      timesPerYear: line.timesPerYear,
      minCount: line.minCount,
      approxCount: line.approxCount,
      fromMonth: line.window?.fromMonth ?? null,
      toMonth: line.window?.toMonth ?? null,
    })),
  };
}

function toLine(fields: LineFields): TaskLineDto {
  const scope = fields.scope.trim();
  const percent = fields.percent ?? null;
  const fromMonth = fields.fromMonth ?? null;
  const toMonth = fields.toMonth ?? null;
  return {
    matters: fields.matters.map((matter) => matter.trim()).filter((matter) => matter !== ''),
    scope: scope === '' ? null : scope,
    ratio: percent === null ? null : { percent, bound: fields.bound },
    timesPerYear: fields.timesPerYear ?? null,
    minCount: fields.minCount ?? null,
    approxCount: fields.approxCount ?? null,
    window: fromMonth === null || toMonth === null ? null : { fromMonth, toMonth },
  };
}

function toInput(fields: TaskFields, base: PlanTaskInput): PlanTaskInput {
  const names = (list: readonly string[]) => list.map((name) => name.trim()).filter((name) => name !== '');
  return {
    ...base,
    region: fields.region,
    name: fields.name.trim(),
    riskBased: fields.riskBased,
    initiators: names(fields.initiators),
    cooperators: names(fields.cooperators),
    lines: fields.lines.map(toLine),
  };
}

/** An empty task to propose as an addition, initiated by the department (when known). */
export function emptyTaskInput(region: string, seq: number, department: string | null): PlanTaskInput {
  return {
    seq,
    seqPrinted: null,
    region,
    name: '',
    lines: [
      {
        matters: [],
        scope: null,
        ratio: null,
        timesPerYear: 1,
        minCount: null,
        approxCount: null,
        window: null,
      },
    ],
    riskBased: true,
    initiators: department === null ? [] : [department],
    cooperators: [],
    initiatorDepartments: [],
    cooperatorDepartments: [],
  };
}

export interface TaskFormDrawerProps {
  /** The task to edit; null closes the drawer. */
  task: PlanTaskInput | null;
  /** The code the task has or will get (shown in the title). */
  code: string;
  /** Whether the region may be changed (a new task); otherwise it is shown only. */
  regionEditable?: boolean;
  onClose: () => void;
  onSave: (task: PlanTaskInput) => void;
}

/**
 * The task form in a drawer: name, lines (matters as a list, scope, ratio percent and bound, times a year, minimum
 * count, window months), credit-risk basis, initiating and cooperating departments as tag lists.
 */
export function TaskFormDrawer({ task, code, regionEditable = false, onClose, onSave }: TaskFormDrawerProps) {
  const t = useT();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<TaskFields>();

  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
      title={t('taskForm.title', { code })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="task-form-save"
            onClick={() => {
              form.submit();
            }}
          >
            {t('taskForm.save')}
          </Button>
        </Space>
      }
    >
      {task === null ? null : (
        <Form<TaskFields>
          form={form}
          data-testid="task-form"
          layout="vertical"
          initialValues={toFields(task)}
          onFinish={(fields) => {
            onSave(toInput(fields, task));
          }}
        >
          <Flex gap="middle" wrap>
            <Form.Item label={t('taskForm.region')} name="region" style={{ minWidth: 180 }}>
              <Select
                disabled={!regionEditable}
                options={planRegions.map((region) => ({ value: region.label, label: region.label }))}
              />
            </Form.Item>
            <Form.Item label={t('plan.col.riskBased')} name="riskBased" valuePropName="checked">
              <Switch checkedChildren={t('plan.riskBased.yes')} unCheckedChildren={t('plan.riskBased.no')} />
            </Form.Item>
          </Flex>
          <Form.Item
            label={t('plan.col.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('taskForm.nameRequired') }]}
          >
            <Input data-testid="task-form-name" maxLength={200} />
          </Form.Item>
          <Form.Item label={t('plan.col.initiators')} name="initiators" tooltip={t('taskForm.tagsHint')}>
            <Select mode="tags" open={false} tokenSeparators={['、', ',', '，']} suffix={null} />
          </Form.Item>
          <Form.Item label={t('plan.col.cooperators')} name="cooperators" tooltip={t('taskForm.tagsHint')}>
            <Select mode="tags" open={false} tokenSeparators={['、', ',', '，']} suffix={null} />
          </Form.Item>
          <Typography.Title level={5}>{t('taskForm.lines')}</Typography.Title>
          <Form.List
            name="lines"
            rules={[
              {
                validator: async (_, lines: unknown[] | undefined) => {
                  if (lines === undefined || lines.length === 0) throw new Error(t('taskForm.linesRequired'));
                  return Promise.resolve();
                },
              },
            ]}
          >
            {(lines, { add, remove }, { errors }) => (
              <Flex vertical gap="middle">
                {lines.map((line, index) => (
                  <Card
                    key={line.key}
                    size="small"
                    data-testid={`task-form-line-${index}`}
                    title={t('taskForm.line', { index: index + 1 })}
                    extra={
                      lines.length > 1 ? (
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('taskForm.removeLine')}
                          onClick={() => {
                            remove(line.name);
                          }}
                        />
                      ) : null
                    }
                  >
                    <Form.Item label={t('plan.col.matters')} required={false}>
                      <Form.List name={[line.name, 'matters']}>
                        {(matters, matterOps) => (
                          <Flex vertical gap={6}>
                            {matters.map((matter) => (
                              <Flex key={matter.key} gap={6} align="flex-start">
                                <Form.Item name={[matter.name]} noStyle>
                                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                                </Form.Item>
                                <Button
                                  type="text"
                                  icon={<MinusCircleOutlined />}
                                  aria-label={t('taskForm.removeMatter')}
                                  onClick={() => {
                                    matterOps.remove(matter.name);
                                  }}
                                />
                              </Flex>
                            ))}
                            <Button
                              type="dashed"
                              size="small"
                              icon={<PlusOutlined />}
                              onClick={() => {
                                matterOps.add('');
                              }}
                            >
                              {t('taskForm.addMatter')}
                            </Button>
                          </Flex>
                        )}
                      </Form.List>
                    </Form.Item>
                    <Form.Item label={t('plan.col.scope')} name={[line.name, 'scope']}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                    </Form.Item>
                    <Flex gap="middle" wrap>
                      <Form.Item label={t('taskForm.bound')} name={[line.name, 'bound']}>
                        <Select
                          style={{ width: 120 }}
                          options={bounds.map((bound) => ({
                            value: bound,
                            label: t(`taskForm.bound.${bound}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item label={t('taskForm.percent')} name={[line.name, 'percent']}>
                        <InputNumber min={0} max={100} step={0.5} suffix="%" style={{ width: 120 }} />
                      </Form.Item>
                      <Form.Item label={t('taskForm.timesPerYear')} name={[line.name, 'timesPerYear']}>
                        <InputNumber min={1} max={52} precision={0} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item label={t('taskForm.minCount')} name={[line.name, 'minCount']}>
                        <InputNumber min={1} precision={0} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item label={t('taskForm.approxCount')} name={[line.name, 'approxCount']}>
                        <InputNumber min={0} precision={0} style={{ width: 110 }} />
                      </Form.Item>
                    </Flex>
                    <Flex gap="middle" wrap>
                      <Form.Item
                        label={t('taskForm.fromMonth')}
                        name={[line.name, 'fromMonth']}
                        dependencies={[['lines', line.name, 'toMonth']]}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: async (_, value: number | null | undefined) => {
                              const to = getFieldValue(['lines', line.name, 'toMonth']) as
                                number | null | undefined;
                              if ((value ?? null) === null && (to ?? null) !== null) {
                                throw new Error(t('taskForm.windowBoth'));
                              }
                              return Promise.resolve();
                            },
                          }),
                        ]}
                      >
                        <Select
                          allowClear
                          data-testid={`task-form-from-${index}`}
                          style={{ width: 110 }}
                          options={months.map((month) => ({
                            value: month,
                            label: t('taskForm.month', { month }),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        label={t('taskForm.toMonth')}
                        name={[line.name, 'toMonth']}
                        dependencies={[['lines', line.name, 'fromMonth']]}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: async (_, value: number | null | undefined) => {
                              const from = getFieldValue(['lines', line.name, 'fromMonth']) as
                                number | null | undefined;
                              if ((value ?? null) === null && (from ?? null) !== null) {
                                throw new Error(t('taskForm.windowBoth'));
                              }
                              return Promise.resolve();
                            },
                          }),
                        ]}
                      >
                        <Select
                          allowClear
                          data-testid={`task-form-to-${index}`}
                          style={{ width: 110 }}
                          options={months.map((month) => ({
                            value: month,
                            label: t('taskForm.month', { month }),
                          }))}
                        />
                      </Form.Item>
                    </Flex>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    add({
                      matters: [''],
                      scope: '',
                      percent: null,
                      bound: 'exact',
                      timesPerYear: 1,
                      minCount: null,
                      approxCount: null,
                      fromMonth: null,
                      toMonth: null,
                    } satisfies LineFields);
                  }}
                >
                  {t('taskForm.addLine')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}
