import { readFile } from 'node:fs/promises';
import type { PlanFileFormat, PlanParse } from '@ssj/core';
import { parsePlanFileGuarded } from '@ssj/server';

export const PLAN_FORMATS: readonly PlanFileFormat[] = ['text', 'xlsx', 'xls', 'docx'];

export function parsePlanFormat(value: string | undefined): PlanFileFormat | undefined | null {
  if (value === undefined) return undefined;
  return PLAN_FORMATS.find((f) => f === value) ?? null;
}

/** Read and parse a plan file (format from --format or detected); a message naming the file on failure. */
export async function readPlanFile(
  file: string,
  format: PlanFileFormat | undefined,
): Promise<{ ok: true; parse: PlanParse } | { ok: false; message: string; exitCode: number }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, message: `cannot read ${file}: ${(error as Error).message}`, exitCode: 1 };
  }
  // A damaged .xls can hang SheetJS: read under a time limit (server features/plans/parse-plan-upload.ts).
  const parsed = await parsePlanFileGuarded(bytes, file, format);
  if (!parsed.ok) return { ok: false, message: parsed.error.message, exitCode: 1 };
  return { ok: true, parse: parsed.value };
}
