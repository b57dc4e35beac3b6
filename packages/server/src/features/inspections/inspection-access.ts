import { sql, type ExpressionBuilder } from 'kysely';
import { CITY_REGION_CODE } from '@ssj/core';
import type { SessionUserDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';

/** The staff user as the inspection rules need it: the session user plus the register entry of an inspector. */
export interface InspectionViewer {
  readonly user: SessionUserDto;
  /** The 执法检查人员名录库 entry linked to an inspector's account (null for other roles or an unlinked account). */
  readonly inspectorId: number | null;
}

/**
 * Who sees an inspection (DOMAIN.md §6): the office and auditors every inspection in their jurisdiction (own region or
 * subordinate); a department admin those of its department (responsible for the review, serving one of its tasks or
 * with one of its inspectors on the team); an inspector the visits whose team it is on.
 */
export function isVisibleTo(viewer: InspectionViewer) {
  return (eb: ExpressionBuilder<Database, 'inspections'>) => eb.and([servesLiveDraw(), whoSees(viewer)(eb)]);
}

/**
 * A visit still serves a live draw: one whose every task was re-drawn (DOMAIN.md §4.4, the old draw superseded) is
 * no longer anyone's work; the re-draw's own targets are dispatched as new visits.
 */
function servesLiveDraw() {
  return sql<boolean>`exists (select 1 from inspection_tasks lt where lt.inspection_id = inspections.id
    and not exists (select 1 from draws s where s.supersedes_draw_id = lt.draw_id))`;
}

function whoSees(viewer: InspectionViewer) {
  return (eb: ExpressionBuilder<Database, 'inspections'>) => {
    const { user } = viewer;
    switch (user.role) {
      case 'office_admin':
      case 'auditor':
        return user.regionCode === CITY_REGION_CODE
          ? sql<boolean>`true`
          : eb('inspections.region_code', '=', user.regionCode);
      case 'department_admin': {
        const department = user.departmentId ?? -1;
        return eb.or([
          eb('inspections.responsible_department_id', '=', department),
          eb.exists(
            eb
              .selectFrom('inspection_tasks as it')
              .select('it.inspection_id')
              .whereRef('it.inspection_id', '=', 'inspections.id')
              .where('it.department_id', '=', department),
          ),
          eb.exists(
            eb
              .selectFrom('inspection_members as im')
              .select('im.inspection_id')
              .whereRef('im.inspection_id', '=', 'inspections.id')
              .where('im.department_id', '=', department),
          ),
        ]);
      }
      case 'inspector':
        return eb.exists(
          eb
            .selectFrom('inspection_members as im')
            .select('im.inspection_id')
            .whereRef('im.inspection_id', '=', 'inspections.id')
            .where('im.inspector_id', '=', viewer.inspectorId ?? -1),
        );
    }
  };
}
