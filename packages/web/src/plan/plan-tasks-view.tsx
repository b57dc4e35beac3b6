import { Empty, Flex, Select, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { planRegionOrder } from './plan-regions.ts';
import { TaskCardList } from './task-card-list.tsx';
import { TaskTable, taskRowId } from './task-table.tsx';
import type { TaskView } from './task-view.ts';

const allRegions = '*';

/** A request to show one task: its region tab opens and the row scrolls into view (a new nonce repeats it). */
export interface TaskFocus {
  key: string;
  nonce: number;
}

export interface PlanTasksViewProps {
  tasks: readonly TaskView[];
  onEdit?: ((task: TaskView) => void) | undefined;
  focus?: TaskFocus | null | undefined;
  /** The test id of the table (or card list on a phone). */
  testId?: string | undefined;
  /** The region tab to open first (a plan region label). */
  initialRegion?: string | undefined;
}

/**
 * The tasks grouped by region (one tab each, plus all) with a department filter; a table on a wide screen,
 * cards on a phone.
 */
export function PlanTasksView({ tasks, onEdit, focus, testId, initialRegion }: PlanTasksViewProps) {
  const t = useT();
  const isPhone = useIsPhone();
  const [region, setRegion] = useState<string>(initialRegion ?? allRegions);
  const [department, setDepartment] = useState<string | null>(null);

  const regions = useMemo(() => {
    const labels = [...new Set(tasks.map((task) => task.region))];
    return labels.sort((a, b) => planRegionOrder(a) - planRegionOrder(b));
  }, [tasks]);
  const activeRegion = region === allRegions || regions.includes(region) ? region : allRegions;

  const inRegion = useMemo(
    () => (activeRegion === allRegions ? tasks : tasks.filter((task) => task.region === activeRegion)),
    [tasks, activeRegion],
  );
  const departments = useMemo(() => {
    const names = new Set(inRegion.flatMap((task) => task.departments));
    return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, [inRegion]);
  const activeDepartment = department !== null && departments.includes(department) ? department : null;
  const shown =
    activeDepartment === null
      ? inRegion
      : inRegion.filter((task) => task.departments.includes(activeDepartment));

  useEffect(() => {
    if (focus === null || focus === undefined) return;
    const task = tasks.find((candidate) => candidate.key === focus.key);
    if (task === undefined) return;
    setRegion(task.region);
    setDepartment((current) => (current !== null && task.departments.includes(current) ? current : null));
    const timer = window.setTimeout(() => {
      document.getElementById(taskRowId(task.key))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 80);
    return () => {
      window.clearTimeout(timer);
    };
    // Only a new focus request moves the view, not a change of the tasks.
  }, [focus?.key, focus?.nonce]);

  const countIn = (label: string) => tasks.filter((task) => task.region === label).length;
  const List = isPhone ? TaskCardList : TaskTable;
  const regionOptions = [
    { value: allRegions, label: t('plan.allRegions', { count: tasks.length }) },
    ...regions.map((label) => ({ value: label, label: `${label} (${countIn(label)})` })),
  ];

  return (
    <Flex vertical gap="small">
      {isPhone ? (
        <Select<string>
          data-testid="plan-region-select"
          value={activeRegion}
          onChange={setRegion}
          options={regionOptions}
          style={{ width: '100%' }}
        />
      ) : (
        <Tabs
          activeKey={activeRegion}
          onChange={setRegion}
          data-testid="plan-region-tabs"
          items={regionOptions.map((option) => ({ key: option.value, label: option.label }))}
          style={{ marginBottom: 0 }}
        />
      )}
      <Flex gap="small" align="center" wrap>
        <Select
          allowClear
          showSearch
          data-testid="plan-department-filter"
          placeholder={t('plan.allDepartments')}
          value={activeDepartment}
          onChange={(value: string | undefined) => {
            setDepartment(value ?? null);
          }}
          options={departments.map((name) => ({ value: name, label: name }))}
          style={{ minWidth: isPhone ? '100%' : 280 }}
        />
        <Typography.Text type="secondary">{t('plan.shownCount', { count: shown.length })}</Typography.Text>
      </Flex>
      {shown.length === 0 ? (
        <Empty description={t('plan.noTasks')} />
      ) : (
        <List tasks={shown} onEdit={onEdit} focusKey={focus?.key ?? null} testId={testId} />
      )}
    </Flex>
  );
}
