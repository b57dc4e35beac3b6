import { z } from 'zod';
import { CITY_REGION_CODE } from '@ssj/core';
import type { SessionUserDto } from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { AppContext } from '../../http/app-context.ts';
import { FileResponse } from '../../http/file-response.ts';
import { defineRoute, type RouteRequest } from '../../http/route.ts';
import { formatChinaDate } from '../calendar/calendar-store.ts';
import { loadViewer } from '../inspections/inspection-routes.ts';
import { DOCX_TYPE } from './docx-kit.ts';
import { loadInspectionDocumentData, type InspectionDocumentData } from './inspection-document-data.ts';
import { buildInspectionNotice } from './inspection-notice.ts';
import { buildRecordSheet } from './inspection-record-sheet.ts';
import {
  countResultExportRows,
  MAX_EXPORT_ROWS,
  writeResultExport,
  type ResultExportFilter,
} from './results-export.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  region: z
    .string()
    .regex(/^\d{6}$/, '区划代码为 6 位数字')
    .optional(),
  department: z.coerce.number().int().positive().optional(),
});
type ExportQuery = z.infer<typeof exportQuery>;

/**
 * The export's filter for the user: a department admin only its own department's results; a county user (office,
 * auditor) its own region unless it names one (jurisdiction is checked before the handler).
 */
function scopeExport(user: SessionUserDto | null, query: ExportQuery): ResultExportFilter {
  if (user === null) throw new AppError('unauthenticated', '请先登录');
  let departmentId = query.department;
  if (user.role === 'department_admin') {
    if (user.departmentId === null) throw new AppError('forbidden', '账户未关联部门，不能导出检查结果');
    if (departmentId !== undefined && departmentId !== user.departmentId) {
      throw new AppError('forbidden', '部门管理员只能导出本部门的检查结果');
    }
    departmentId = user.departmentId;
  }
  const regionCode = query.region ?? (user.regionCode === CITY_REGION_CODE ? undefined : user.regionCode);
  return { year: query.year, regionCode, departmentId };
}

const idParams = z.object({ id: z.coerce.number().int().positive() });
type IdParams = z.infer<typeof idParams>;

/** The document data for a visible inspection; 404 for one that does not exist or that the user may not see. */
async function requireDocumentData(
  ctx: AppContext,
  req: RouteRequest<IdParams, unknown, unknown>,
): Promise<InspectionDocumentData> {
  const viewer = await loadViewer(ctx, req.user);
  const data = await loadInspectionDocumentData(ctx.db, viewer, req.params.id, formatChinaDate(ctx.now()));
  if (data === null) throw new AppError('not_found', `找不到检查 ${String(req.params.id)}`);
  return data;
}

/** Printable documents of an inspection (issue "Inspections, results and publication": dispatch). */
export const documentRoutes = [
  defineRoute<IdParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/inspections/:id/notice.docx',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'The inspection notice (检查通知书) as .docx, for staff who see the inspection',
    params: idParams,
    handler: async (ctx, req) => {
      const data = await requireDocumentData(ctx, req);
      return new FileResponse(
        DOCX_TYPE,
        `检查通知书-${data.inspection.objectName}-${String(data.inspection.id)}.docx`,
        await buildInspectionNotice(data),
      );
    },
  }),
  defineRoute<IdParams, unknown, unknown, FileResponse>({
    method: 'GET',
    url: '/api/inspections/:id/record-sheet.docx',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'The record sheet (随机抽查检查情况记录表) as .docx, filled in with any results entered',
    params: idParams,
    handler: async (ctx, req) => {
      const data = await requireDocumentData(ctx, req);
      return new FileResponse(
        DOCX_TYPE,
        `随机抽查检查情况记录表-${data.inspection.objectName}-${String(data.inspection.id)}.docx`,
        await buildRecordSheet(data),
      );
    },
  }),
  defineRoute<unknown, ExportQuery, unknown, FileResponse>({
    method: 'GET',
    url: '/api/results/export.xlsx',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin', 'auditor'], jurisdiction: 'read' },
    summary:
      'Published results as .xlsx for the disclosure systems (docs/EXPORT_LAYOUT.md); a department its own results',
    query: exportQuery,
    region: (_ctx, req) => Promise.resolve(req.query.region ?? null),
    handler: async (ctx, req) => {
      const filter = scopeExport(req.user, req.query);
      const count = await countResultExportRows(ctx.db, filter);
      if (!count.ok) {
        throw new AppError(
          'validation_failed',
          `符合条件的结果有 ${String(count.rows)} 条，超过一次导出的上限 ${String(MAX_EXPORT_ROWS)} 条，请按年度、地区或部门分别导出`,
        );
      }
      const department =
        filter.departmentId === undefined
          ? undefined
          : await ctx.db
              .selectFrom('departments')
              .select('name')
              .where('id', '=', filter.departmentId)
              .executeTakeFirst();
      const scope = [
        filter.year === undefined ? '全部年度' : `${String(filter.year)} 年度`,
        filter.regionCode === undefined ? '全部地区' : `区划 ${filter.regionCode}`,
        filter.departmentId === undefined
          ? '全部部门'
          : (department?.name ?? `部门 ${String(filter.departmentId)}`),
      ].join('，');
      const today = formatChinaDate(ctx.now());
      const { bytes } = await writeResultExport(ctx.db, filter, { generatedOn: today, scope });
      const name = `抽查检查结果-${filter.year === undefined ? '全部' : String(filter.year)}-${today}.xlsx`;
      return new FileResponse(XLSX_TYPE, name, bytes);
    },
  }),
];
