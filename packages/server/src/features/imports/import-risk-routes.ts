/**
 * HTTP route of the credit-risk class import (信用风险分类, issue "The registers"), beside the register imports of
 * `features/registers/register-routes.ts`, with the same roles and the same answer (ImportResultDto, with the
 * rejected-rows report kept 30 minutes). Risk classes are sealed: this is a staff route for the office and department
 * admins, it answers counts and issues, never the register's classes, and a county admin classifies only objects of
 * the own county.
 */
import { z } from 'zod';
import { CITY_REGION_CODE } from '@ssj/core';
import type { ImportResultDto } from '../../api-types.ts';
import { AppError } from '../../http/app-error.ts';
import { readMultipart } from '../../http/multipart.ts';
import { defineRoute } from '../../http/route.ts';
import { keepImportReport } from '../registers/import-report-cache.ts';
import { LISTED_IMPORT_ISSUES, MAX_REGISTER_FILE_BYTES } from '../registers/register-routes.ts';
import { importRiskHistory } from './import-risk-history.ts';
import { writeImportReport } from './write-import-report.ts';

const mappingSchema = z.record(z.string().max(60), z.string().max(200));

/** The form's mapping (JSON field → column) and its dryRun / skipInvalid flags. */
function readRiskImportFields(fields: Readonly<Record<string, string>>): {
  mapping: Record<string, string> | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
} {
  let mapping: Record<string, string> | undefined;
  const raw = fields['mapping']?.trim() ?? '';
  if (raw !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new AppError('bad_request', '列映射 mapping 须为 JSON 对象（字段 → 列）');
    }
    const checked = mappingSchema.safeParse(parsed);
    if (!checked.success) throw new AppError('bad_request', '列映射 mapping 须为 JSON 对象（字段 → 列）');
    mapping = checked.data;
  }
  const flag = (name: string): boolean => ['true', '1', 'on'].includes(fields[name]?.trim() ?? '');
  return { mapping, dryRun: flag('dryRun'), skipInvalid: flag('skipInvalid') };
}

export const importRiskRoutes = [
  defineRoute<unknown, unknown, unknown, ImportResultDto>({
    method: 'POST',
    url: '/api/imports/risk-history',
    access: { kind: 'staff', roles: ['office_admin', 'department_admin'], jurisdiction: 'none' },
    summary:
      'Import credit-risk classes (USCC, class, date) into the sealed history, or dry-run it: all or nothing unless skipInvalid; a county admin only for its own county',
    handler: async (ctx, req) => {
      const user = req.user;
      if (user === null) throw new AppError('unauthenticated', '请先登录');
      const body = await readMultipart(req.raw, MAX_REGISTER_FILE_BYTES);
      const file = body.files['file'];
      if (file === undefined) throw new AppError('bad_request', '请选择要导入的文件（.xlsx、.xls 或 .csv）');
      const options = readRiskImportFields(body.fields);
      const result = await importRiskHistory(
        ctx.db,
        req.actor,
        { fileName: file.fileName, bytes: file.bytes, size: file.bytes.length },
        {
          ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
          dryRun: options.dryRun,
          skipInvalid: options.skipInvalid,
          onlyRegion: user.regionCode === CITY_REGION_CODE ? null : user.regionCode,
          today: ctx.now().toISOString().slice(0, 10),
        },
      );
      const report = await writeImportReport(result.issues, file.fileName, {
        rows: result.rows,
        imported: result.imported,
        stored: result.stored,
        sha256: result.sha256,
        unlistedIssues: result.unlistedIssues,
      });
      const reportId = keepImportReport(user.id, file.fileName, report, ctx.now().getTime());
      const listed = [...result.issues]
        .sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1))
        .slice(0, LISTED_IMPORT_ISSUES);
      return {
        fileName: file.fileName,
        dryRun: options.dryRun,
        stored: result.stored,
        imported: result.imported,
        valid: result.valid,
        rows: result.rows,
        errorRows: result.errorRows,
        issueCount: result.issues.length + result.unlistedIssues,
        issues: listed.map((i) => ({
          row: i.row,
          column: i.column,
          severity: i.severity,
          message: i.message,
          value: i.value,
        })),
        sha256: result.sha256,
        format: result.format,
        reportId,
      };
    },
  }),
];
