import type { PlanTaskInput, PlanWarningDto, TaskDto, TaskLineDto } from '@ssj/server/api-types';
import { planRegionLabel } from './plan-regions.ts';

/** A task as the tables show it, whether stored (TaskDto) or still a preview (PlanTaskInput). */
export interface TaskView {
  /** Unique in the list: the code. */
  key: string;
  code: string;
  seq: number;
  /** The plan's region label (晋城市本级, 城区 …): the grouping key. */
  region: string;
  name: string | null;
  riskBased: boolean;
  initiators: string[];
  cooperators: string[];
  /** Canonical department names (initiating and cooperating), for the department filter. */
  departments: string[];
  lines: TaskLineDto[];
  warnings: PlanWarningDto[];
  /** Changed by hand in the preview. */
  edited: boolean;
}

/** The stable task code: `JC` + year + `-` + three-digit seq, as the server makes it. */
export function formatTaskCode(year: number, seq: number): string {
  return `JC${year}-${String(seq).padStart(3, '0')}`;
}

export function taskViewFromDto(task: TaskDto): TaskView {
  return {
    key: task.code,
    code: task.code,
    seq: task.seq,
    region: planRegionLabel(task.regionCode, task.regionName),
    name: task.name,
    riskBased: task.riskBased,
    initiators: task.initiators,
    cooperators: task.cooperators,
    departments: [...task.initiatorDepartments, ...task.cooperatorDepartments].map((d) => d.name),
    lines: task.lines,
    warnings: [],
    edited: false,
  };
}

export function taskViewFromInput(
  task: PlanTaskInput,
  year: number,
  warnings: PlanWarningDto[] = [],
  edited = false,
): TaskView {
  const code = formatTaskCode(year, task.seq);
  return {
    key: code,
    code,
    seq: task.seq,
    region: task.region,
    name: task.name,
    riskBased: task.riskBased,
    initiators: task.initiators,
    cooperators: task.cooperators,
    departments: [...task.initiatorDepartments, ...task.cooperatorDepartments],
    lines: task.lines,
    warnings,
    edited,
  };
}

/** A stored task as an editable input (to propose an adjustment). */
export function taskInputFromDto(task: TaskDto): PlanTaskInput {
  return {
    seq: task.seq,
    seqPrinted: task.seqPrinted,
    region: planRegionLabel(task.regionCode, task.regionName),
    name: task.name,
    lines: task.lines,
    riskBased: task.riskBased,
    initiators: task.initiators,
    cooperators: task.cooperators,
    initiatorDepartments: task.initiatorDepartments.map((d) => d.name),
    cooperatorDepartments: task.cooperatorDepartments.map((d) => d.name),
  };
}
