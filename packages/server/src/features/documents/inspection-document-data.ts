/**
 * What the printable documents of an inspection need: the inspection as its viewer sees it (object, tasks and
 * matters, team, results), plus the team's 执法证 numbers (shown to the object: 亮证执法, 行政处罚法 Art. 42/55) and
 * the legal basis of each matter when the item list (随机抽查事项清单) names one.
 */
import type { Kysely } from 'kysely';
import type { InspectionDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar/calendar-store.ts';
import type { InspectionViewer } from '../inspections/inspection-access.ts';
import { loadInspection } from '../inspections/inspection-queries.ts';

export interface InspectionDocumentData {
  readonly inspection: InspectionDto;
  /** inspector id → 执法证号. */
  readonly certificates: ReadonlyMap<number, string>;
  /** `taskId|matter` → legal basis from the item list (absent when the list does not name one). */
  readonly legalBases: ReadonlyMap<string, string>;
  /** The day the document is made (China date, YYYY-MM-DD). */
  readonly today: string;
}

export function legalBasisKey(taskId: number, matter: string): string {
  return `${String(taskId)}|${matter}`;
}

/** The document data, or null when the inspection does not exist or the viewer may not see it. */
export async function loadInspectionDocumentData(
  db: Kysely<Database>,
  viewer: InspectionViewer,
  id: number,
  today: string,
): Promise<InspectionDocumentData | null> {
  const inspection = await loadInspection(db, await loadWorkCalendar(db), viewer, id, today);
  if (inspection === null) return null;
  const certificates = new Map<number, string>();
  const inspectorIds = inspection.team.map((m) => m.inspectorId);
  if (inspectorIds.length > 0) {
    const rows = await db
      .selectFrom('inspectors')
      .select(['id', 'certificate_no'])
      .where('id', 'in', inspectorIds)
      .execute();
    for (const r of rows) certificates.set(r.id, r.certificate_no);
  }
  const legalBases = new Map<string, string>();
  const matters = [...new Set(inspection.tasks.flatMap((t) => t.matters))];
  if (matters.length > 0) {
    const items = await db
      .selectFrom('items')
      .leftJoin('departments as d', 'd.id', 'items.department_id')
      .select([
        'items.matter',
        'items.legal_basis',
        'd.name as department_name',
        'items.department_name as printed',
      ])
      .where('items.matter', 'in', matters)
      .where('items.legal_basis', '!=', '')
      .orderBy('items.id')
      .execute();
    for (const task of inspection.tasks) {
      for (const matter of task.matters) {
        const candidates = items.filter((i) => i.matter === matter);
        // The task's own department's entry first (谁主管谁监管), else any department's entry for the same matter.
        const own = candidates.find(
          (i) => i.department_name === task.departmentName || i.printed === task.departmentName,
        );
        const chosen = own ?? candidates[0];
        if (chosen !== undefined) legalBases.set(legalBasisKey(task.taskId, matter), chosen.legal_basis);
      }
    }
  }
  return { inspection, certificates, legalBases, today };
}
