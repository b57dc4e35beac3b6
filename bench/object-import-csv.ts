/**
 * A deterministic object-register CSV for the import benchmark: the market entities of the demo register (valid
 * USCCs with 晋城's division codes, 15-digit 注册号 for some old 个体工商户), written with the headers and cell formats
 * of a real market-supervision export (统一社会信用代码, 注册号, 企业名称, 类型, … as text; dates as YYYY-MM-DD).
 * Projects and facilities (P-/F- ids) are not market entities and are left out. Same count → same bytes.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCategory, generateDemoRegister } from '../packages/core/src/index.ts';
import type { ObjectKind, RegisterObject } from '../packages/core/src/index.ts';

export const OBJECT_CSV_HEADERS = [
  '统一社会信用代码',
  '注册号',
  '企业名称',
  '类型',
  '登记状态',
  '法定代表人',
  '住所',
  '经营范围',
  '注册资本',
  '成立日期',
  '登记机关',
  '行业',
] as const;

/** The 企业类型 text an export prints for each kind. */
const TYPE_TEXT: Readonly<Record<ObjectKind, string>> = {
  enterprise: '有限责任公司(自然人投资或控股)',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  institution: '事业单位',
  'social-organisation': '社会团体',
  project: '',
  facility: '',
};

const AUTHORITY: Readonly<Partial<Record<string, string>>> = {
  '140500': '晋城市市场监督管理局',
  '140502': '晋城市城区市场监督管理局',
  '140521': '沁水县市场监督管理局',
  '140522': '阳城县市场监督管理局',
  '140524': '陵川县市场监督管理局',
  '140525': '泽州县市场监督管理局',
  '140581': '高平市市场监督管理局',
  '140571': '晋城经济技术开发区市场监督管理局',
};

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF, as Excel writes it) of a market entity, or null for a project or facility. */
export function formatObjectCsvLine(o: RegisterObject): string | null {
  if (o.uscc === null && o.regNo === null) return null;
  const category = findCategory(o.categoryCodes[0] ?? '');
  const cells = [
    o.uscc ?? '',
    o.uscc === null ? (o.regNo ?? '') : '',
    o.name,
    TYPE_TEXT[o.kind],
    o.status,
    o.legalRepresentative,
    o.address,
    o.businessScope,
    o.registeredCapital === null ? '' : `${String(o.registeredCapital)}万元`,
    o.establishedOn,
    AUTHORITY[o.regionCode] ?? '',
    category?.name ?? '',
  ];
  return cells.map(quote).join(',') + '\r\n';
}

/**
 * Writes (once; later calls reuse the file) a CSV of exactly `rows` market entities to the system's temp
 * directory and returns its path. The demo register is generated with a margin for the projects it skips.
 */
export async function ensureObjectCsv(rows: number): Promise<string> {
  const file = path.join(os.tmpdir(), `ssj-bench-objects-v1-${String(rows)}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  const register = generateDemoRegister({
    seed: 'ssj-bench-object-import',
    objectCount: Math.ceil(rows * 1.02),
  });
  if (!register.ok) throw new Error(`demo register: ${JSON.stringify(register.error)}`);
  const partial = `${file}.${String(process.pid)}.part`;
  const out = createWriteStream(partial);
  const write = (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve));
  await write('\uFEFF' + OBJECT_CSV_HEADERS.join(',') + '\r\n');
  let written = 0;
  let buffer = '';
  for (const o of register.value.iterateObjects()) {
    if (written >= rows) break;
    const line = formatObjectCsvLine(o);
    if (line === null) continue;
    buffer += line;
    written += 1;
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => {
    out.end((e?: Error | null) => {
      if (e) reject(e);
      else resolve();
    });
  });
  if (written < rows) throw new Error(`only ${String(written)} market entities generated`);
  renameSync(partial, file);
  return file;
}
