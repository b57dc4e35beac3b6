import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { makeOrgCode, makeUscc } from '@ssj/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerItemsCommand } from './items.ts';
import { registerObjectsCommand } from './objects.ts';

const realdata = fileURLToPath(new URL('../../../../../shared/realdata/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'ssj-objects-'));
const saved = { dataDir: process.env['SSJ_DATA_DIR'], url: process.env['DATABASE_URL'] };
beforeAll(() => {
  // The commands open the database the environment names: a fresh PGlite directory here.
  process.env['SSJ_DATA_DIR'] = dir;
  delete process.env['DATABASE_URL'];
});
afterAll(() => {
  if (saved.dataDir === undefined) delete process.env['SSJ_DATA_DIR'];
  else process.env['SSJ_DATA_DIR'] = saved.dataDir;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

async function runCli(
  ...args: string[]
): Promise<{ out: string; err: string; code: number | string | undefined }> {
  const program = new Command('ssj').exitOverride();
  registerObjectsCommand(program);
  registerItemsCommand(program);
  let out = '';
  let err = '';
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((err += String(chunk)), true));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'ssj', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out, err, code };
}

interface JsonOutput {
  imported: number;
  issues: { row: number; column: string; severity: 'error' | 'warning'; message: string }[];
}

describe.skipIf(!existsSync(realdata))('ssj objects import / items import (real files)', () => {
  it('objects import --dry-run --json: prints the issues, exit code 1, stores nothing; --report writes them all', async () => {
    const report = path.join(dir, 'report.xlsx');
    const r = await runCli(
      'objects',
      'import',
      `${realdata}market-entities-2021.xls`,
      '--dry-run',
      '--json',
      '--region',
      '140525',
      '--report',
      report,
    );
    const json = JSON.parse(r.out) as JsonOutput;
    expect(r.code).toBe(1);
    expect(json.imported).toBe(0);
    expect(json.issues.filter((i) => i.column === 'TYXYDM' && i.severity === 'error')).toHaveLength(83);
    expect(Object.keys(json.issues[0] ?? {})).toEqual(['row', 'column', 'severity', 'message']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    expect((workbook.getWorksheet('问题清单')?.rowCount ?? 0) - 1).toBe(json.issues.length);
  });

  it('items import of the joint list: exit code 0 and a human summary', async () => {
    const r = await runCli('items', 'import', `${realdata}hainan-joint-item-list-v2.xls`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('stored 83');
  });
});

describe('ssj objects import / export round trip', () => {
  it('imports a CSV, exports it as .xlsx, and the export reads back (every object already there)', async () => {
    const csv = path.join(dir, 'objects.csv');
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `晋城测试店${i},${makeUscc('92140581' + makeOrgCode(`MA7${String(i).padStart(5, '0')}`))},存续,2021-03-0${(i % 9) + 1}`,
    );
    writeFileSync(csv, ['名称,统一社会信用代码,登记状态,成立日期', ...rows].join('\n'));
    const imported = await runCli('objects', 'import', csv, '--json');
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.out) as JsonOutput).imported).toBe(30);

    const xlsx = path.join(dir, 'export.xlsx');
    const exported = await runCli('objects', 'export', '--xlsx', xlsx);
    expect(exported.out).toContain('30 objects');
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    const again = await runCli('objects', 'import', xlsx, '--json', '--dry-run');
    const json = JSON.parse(again.out) as JsonOutput;
    expect(again.code).toBe(1);
    expect(json.issues).toHaveLength(30);
    expect(json.issues.every((i) => i.message.includes('已有'))).toBe(true);
  });
});

describe('ssj objects import-risk', () => {
  it('appends a USCC,class,date export to the risk history: --json like `objects import`, all or nothing, --dry-run', async () => {
    const id = (i: number): string => makeUscc('92140525' + makeOrgCode(`MR7${String(i).padStart(5, '0')}`));
    const objectsCsv = path.join(dir, 'risk-objects.csv');
    writeFileSync(objectsCsv, ['名称,统一社会信用代码', `泽州甲店,${id(1)}`, `泽州乙店,${id(2)}`].join('\n'));
    expect((await runCli('objects', 'import', objectsCsv, '--json')).code).toBe(0);

    const bad = path.join(dir, 'risk-bad.csv');
    writeFileSync(bad, ['USCC,class,date', `${id(1)},A,2023-01-01`, `${id(2)},Z,2023-01-01`].join('\n'));
    const refused = await runCli('objects', 'import-risk', bad, '--json');
    expect(refused.code).toBe(1);
    const refusedJson = JSON.parse(refused.out) as JsonOutput;
    expect(refusedJson).toEqual({
      imported: 0,
      issues: [
        { row: 3, column: 'class', severity: 'error', message: expect.stringContaining('「Z」') as string },
      ],
    });

    const good = path.join(dir, 'risk-good.csv');
    writeFileSync(
      good,
      ['USCC,class,date', `${id(1)},A,2023-01-01`, `${id(2)},高风险,2023-02-01`].join('\n'),
    );
    const dry = await runCli('objects', 'import-risk', good, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.out) as JsonOutput).imported).toBe(0);
    const stored = await runCli('objects', 'import-risk', good);
    expect(stored.code).toBe(0);
    expect(stored.out).toContain('stored 2');
    const again = await runCli('objects', 'import-risk', good, '--json');
    expect(JSON.parse(again.out)).toMatchObject({
      imported: 0,
      issues: [{ severity: 'warning' }, { severity: 'warning' }],
    });
  });
});
