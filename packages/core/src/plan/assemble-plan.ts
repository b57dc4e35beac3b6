/**
 * Task assembly, shared by every input format: rows (cells per column) in, tasks and warnings out.
 *
 * A row with a name starts a task, unless it repeats the previous task's 序号 and name (a task split across a
 * page break: joined). A row without a name starts a task of its own when it has its own department cells or
 * 序号 (阳城 prints several tasks with the name cell blank); otherwise it is a further line (sub-row) of the
 * previous task, and its blank scope / ratio / window cells are read as vertically merged with the line above.
 */
import { buildPlanLines } from './build-plan-lines.ts';
import { normaliseDepartment } from './normalise-department.ts';
import type { PlanRegion } from './plan-regions.ts';
import type { PlanLine, PlanParse, PlanRow, PlanTask, PlanWarning } from './plan-types.ts';
import { readPlanRow } from './read-plan-row.ts';
import type { RowReading } from './read-plan-row.ts';
import { readTableLayout } from './read-table-layout.ts';
import type { TableLayout } from './read-table-layout.ts';
import { assignRegions, readRegions } from './segment-regions.ts';
import type { LabelOccurrence } from './segment-regions.ts';
import { splitDepartments } from './split-departments.ts';
import { tidyText } from './split-matters.ts';

interface Draft {
  readonly seq: number;
  readonly seqPrinted: string | null;
  readonly name: string | null;
  readonly lines: PlanLine[];
  riskBased: boolean;
  departmentCells: readonly string[];
  departmentLine: number;
  readonly laterDepartments: { line: number; cells: readonly string[] }[];
  readonly rows: number[];
  readonly page: number;
}

function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function assemblePlan(rows: readonly PlanRow[]): PlanParse {
  const warnings: PlanWarning[] = [];
  const warn = (seq: number | null, lines: readonly number[], message: string): void => {
    warnings.push({ seq, lines: [...lines], message });
  };
  const drafts: Draft[] = [];
  const labels: LabelOccurrence[] = [];
  const unnumberedPages = new Map<number, Draft[]>();
  let layout: TableLayout | undefined;
  let page = -1;
  let previousReading: { reading: RowReading; draft: Draft } | undefined;

  for (const row of rows) {
    const header = readTableLayout(row);
    if (header) {
      layout = header;
      page++;
      previousReading = undefined;
      continue;
    }
    const filled = row.cells.filter((c) => c.trim() !== '').length;
    if (layout === undefined || row.cells.length < 3 || filled === 0) continue;

    const reading = readPlanRow(row, layout);
    if (reading.regionCell !== null) labels.push({ line: row.line, page, cell: reading.regionCell });
    const built = buildPlanLines(reading);
    const pageHasSeq = layout.columns.includes('seq');
    const prev = drafts[drafts.length - 1];
    const hasName = reading.name !== '';

    let draft: Draft;
    if (
      hasName &&
      prev?.name != null &&
      squeeze(prev.name) === squeeze(reading.name) &&
      (reading.seqPrinted === null || reading.seqPrinted === prev.seqPrinted)
    ) {
      draft = prev;
      warn(
        draft.seq,
        [draft.rows[0] ?? row.line, row.line],
        'task split across rows (same 序号 and name): joined',
      );
      draft.lines.push(...built.lines);
      draft.rows.push(row.line);
      if (reading.risk !== '') draft.riskBased = true;
      if (reading.departmentCells.length > 0) {
        if (draft.departmentCells.length === 0) {
          draft.departmentCells = reading.departmentCells;
          draft.departmentLine = row.line;
        } else draft.laterDepartments.push({ line: row.line, cells: reading.departmentCells });
      }
    } else if (
      hasName ||
      reading.departmentCells.length > 0 ||
      reading.seqPrinted !== null ||
      prev === undefined
    ) {
      const seq = drafts.length + 1;
      draft = {
        seq,
        seqPrinted: reading.seqPrinted,
        name: hasName ? reading.name : null,
        lines: [...built.lines],
        riskBased: reading.risk !== '',
        departmentCells: reading.departmentCells,
        departmentLine: row.line,
        laterDepartments: [],
        rows: [row.line],
        page,
      };
      drafts.push(draft);
      if (!hasName) {
        warn(
          seq,
          [row.line],
          'no 抽查任务名称 printed, but the row has its own departments or 序号: counted as a task',
        );
      }
      if (reading.seqPrinted !== null && reading.seqPrinted !== String(seq)) {
        warn(
          seq,
          [row.line],
          `printed 序号 ${reading.seqPrinted} differs from the position ${seq}: position used`,
        );
      } else if (reading.seqPrinted === null && pageHasSeq) {
        warn(seq, [row.line], `no 序号 printed: ${seq} inferred from the order`);
      } else if (reading.seqPrinted === null) {
        unnumberedPages.set(page, [...(unnumberedPages.get(page) ?? []), draft]);
      }
      // A scope cell pushed into the row above (`重点房地产开发企业 本辖区…燃气经营企业` then a blank scope).
      const first = draft.lines[0];
      const above = previousReading;
      if (hasName && first && first.scope === null && above && above.reading.line === row.line - 1) {
        const aboveLines = above.draft.lines;
        const last = aboveLines[aboveLines.length - 1];
        const parts = tidyText(above.reading.scope).split(' ');
        if (
          last &&
          built.lines.length === 1 &&
          above.reading.ratio.split('%').length === 2 &&
          parts.length >= 2
        ) {
          const moved = parts.pop() ?? '';
          aboveLines[aboveLines.length - 1] = { ...last, scope: parts.join(' ') };
          draft.lines[0] = { ...first, scope: moved };
          const message = `抽查对象范围 blank, the row above has two scopes: "${moved}" moved from task ${above.draft.seq} to task ${seq}`;
          warn(above.draft.seq, [above.reading.line, row.line], message);
          warn(seq, [above.reading.line, row.line], message);
        }
      }
    } else {
      draft = prev;
      warn(
        draft.seq,
        [row.line],
        `row without name and departments read as a further line of task ${draft.seq}`,
      );
      draft.rows.push(row.line);
      if (reading.risk !== '') draft.riskBased = true;
      for (const line of built.lines) {
        const before = draft.lines[draft.lines.length - 1];
        let merged = line;
        if (before) {
          if (merged.scope === null && before.scope !== null) {
            merged = { ...merged, scope: before.scope };
            warn(
              draft.seq,
              [row.line],
              '抽查对象范围 blank in a sub-row: taken from the line above (merged cell)',
            );
          }
          if (merged.window === null && before.window !== null) {
            merged = { ...merged, window: before.window };
            warn(
              draft.seq,
              [row.line],
              '起止时间 blank in a sub-row: taken from the line above (merged cell)',
            );
          }
          if (merged.ratio === null && merged.timesPerYear === null && before.ratio !== null) {
            merged = {
              ...merged,
              ratio: before.ratio,
              timesPerYear: before.timesPerYear,
              minCount: before.minCount,
              approxCount: before.approxCount,
            };
            warn(
              draft.seq,
              [row.line],
              '抽查比例 blank in a sub-row: taken from the line above (merged cell)',
            );
          }
        }
        draft.lines.push(merged);
      }
    }
    for (const issue of [...reading.issues, ...built.issues]) warn(draft.seq, [row.line], issue);
    previousReading = { reading, draft };
  }

  for (const tasks of unnumberedPages.values()) {
    const first = tasks[0];
    const last = tasks[tasks.length - 1];
    if (first === undefined || last === undefined) continue;
    warn(
      first.seq,
      tasks.map((t) => t.rows[0] ?? 0),
      `page without 序号 column: tasks ${first.seq}–${last.seq} numbered by their order`,
    );
  }

  const regionReading = readRegions(labels);
  warnings.push(...regionReading.warnings);
  const assigned = assignRegions(drafts.length, regionReading.segments);
  warnings.push(...assigned.warnings);

  const tasks = drafts.map((draft, i): PlanTask => {
    const region = assigned.regions[i];
    const regionLabel = region?.label ?? '';
    if (region === undefined) warn(draft.seq, draft.rows, 'no region could be assigned');
    checkLabel(draft, region, labels, regionReading.hints, warn);
    const departments = readDepartments(draft, regionLabel, warn);
    draft.lines.forEach((line) => {
      if (line.window === null) warn(draft.seq, draft.rows, '起止时间 not printed: window left null');
    });
    return {
      seq: draft.seq,
      seqPrinted: draft.seqPrinted,
      region: regionLabel,
      name: draft.name,
      lines: draft.lines,
      riskBased: draft.riskBased,
      ...departments,
    };
  });

  warnings.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { tasks, warnings };
}

/** Warns when the nearest region label above the task on its page names another region. */
function checkLabel(
  draft: Draft,
  region: PlanRegion | undefined,
  labels: readonly LabelOccurrence[],
  hints: ReadonlyMap<number, PlanRegion>,
  warn: (seq: number | null, lines: readonly number[], message: string) => void,
): void {
  const first = draft.rows[0] ?? 0;
  let hintLine: number | undefined;
  for (const l of labels) {
    if (l.page === draft.page && l.line <= first && hints.has(l.line)) hintLine = l.line;
  }
  const hint = hintLine === undefined ? undefined : hints.get(hintLine);
  if (hint && region && hint !== region && hintLine !== undefined) {
    warn(
      draft.seq,
      [hintLine, first],
      `region column label near the task says ${hint.label}, the region counts put it in ${region.label}: ${region.label} used`,
    );
  }
}

interface TaskDepartments {
  readonly initiators: string[];
  readonly cooperators: string[];
  readonly initiatorDepartments: string[];
  readonly cooperatorDepartments: string[];
}

function readDepartments(
  draft: Draft,
  region: string,
  warn: (seq: number | null, lines: readonly number[], message: string) => void,
): TaskDepartments {
  const line = [draft.departmentLine];
  const split = (cell: string): string[] => {
    const result = splitDepartments(cell, region);
    for (const issue of result.issues) warn(draft.seq, line, issue);
    return [...result.names];
  };
  const cells = draft.departmentCells;
  let initiators: string[] = [];
  let cooperators: string[] = [];
  if (cells.length === 0) {
    warn(draft.seq, draft.rows, 'no 发起部门 or 配合部门 printed');
  } else if (cells.length === 1) {
    const names = split(cells[0] ?? '');
    initiators = names.slice(0, 1);
    cooperators = names.slice(1);
    if (names.length > 1) {
      warn(
        draft.seq,
        line,
        `one department cell holds ${names.length} names and the other is blank: first read as 发起部门, the rest as 配合部门`,
      );
    } else warn(draft.seq, line, 'only one department printed: read as 发起部门, no 配合部门');
  } else {
    initiators = split(cells[0] ?? '');
    cooperators = cells.slice(1).flatMap(split);
    if (cells.length > 2)
      warn(draft.seq, line, `${cells.length} department cells: all after the first read as 配合部门`);
  }

  const canonical = (names: readonly string[]): string[] => {
    const out: string[] = [];
    for (const name of names) {
      const match = normaliseDepartment(name, region);
      if (match.warning !== undefined) warn(draft.seq, line, match.warning);
      if (match.canonical !== null && !out.includes(match.canonical)) out.push(match.canonical);
    }
    return out;
  };
  const initiatorDepartments = canonical(initiators);
  const cooperatorDepartments = canonical(cooperators);
  const both = initiatorDepartments.filter((d) => cooperatorDepartments.includes(d));
  if (both.length > 0) warn(draft.seq, line, `${both.join('、')} printed as both 发起部门 and 配合部门`);

  for (const later of draft.laterDepartments) {
    const names = later.cells.flatMap((c) => [...splitDepartments(c, region).names]);
    const known = names.map((n) => normaliseDepartment(n, region).canonical);
    const all = [...initiatorDepartments, ...cooperatorDepartments];
    if (known.some((k) => k === null || !all.includes(k))) {
      warn(
        draft.seq,
        [later.line],
        `continuation row prints other departments (${names.join('、')}): first row kept`,
      );
    }
  }
  return { initiators, cooperators, initiatorDepartments, cooperatorDepartments };
}
