/** The single entry point: format detection and dispatch, text decoding, and the errors of each path. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse-plan-text.ts';
import { parsePlanFile } from './parse-plan-file.ts';
import { writePlanXlsx } from './write-plan-xlsx.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seed/000_bcb4b9be9ee0f30f.txt`;
const realdata = `${repoRoot}../shared/realdata/`;

/** A GBK-range encoder built from the platform's GB18030 decoder (two-byte codes only, enough for the notice). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const pair = codes.get(ch);
    if (code < 0x80) out.push(code);
    else if (pair) out.push(...pair);
    else throw new Error(`no two-byte GB18030 code for ${ch}`);
  }
  return new Uint8Array(out);
}

describe('parsePlanFile', () => {
  describe.skipIf(!existsSync(seedPath))('the seed notice', () => {
    it('reads the text notice as parsePlanText does, and its .xlsx export to the same tasks', async () => {
      const bytes = readFileSync(seedPath);
      const expected = parsePlanText(bytes.toString('utf8'));
      const fromText = await parsePlanFile(bytes, '000_bcb4b9be9ee0f30f.txt');
      expect(fromText).toEqual({ ok: true, value: expected });
      const xlsx = await writePlanXlsx(expected.tasks, { year: 2023, title: '计划' });
      const fromXlsx = await parsePlanFile(xlsx, 'export.bin');
      expect(fromXlsx.ok && fromXlsx.value.tasks).toEqual(expected.tasks);
    }, 30_000);
  });

  describe.skipIf(!existsSync(realdata))('real Hainan files', () => {
    it('detects the formats and says they are not plans', async () => {
      for (const file of ['hainan-item-list-2020.xlsx', 'hainan-joint-item-list-v2.xls']) {
        const read = await parsePlanFile(readFileSync(`${realdata}${file}`), file);
        expect(read.ok ? 'ok' : read.error.kind).toBe('no_header');
      }
    });
  });

  it('names every failure', async () => {
    const kind = async (bytes: Uint8Array, name: string, format?: 'text'): Promise<string> => {
      const read = await parsePlanFile(bytes, name, format);
      if (!read.ok) expect(read.error.message).toContain(name);
      return read.ok ? 'ok' : read.error.kind;
    };
    expect(await kind(new Uint8Array(0), 'a.txt')).toBe('empty');
    expect(await kind(new Uint8Array(50 * 1024 * 1024), 'big.xlsx')).toBe('too_large');
    expect(await kind(new Uint8Array([0x00, 0xff, 0x13, 0x80]), 'blob.bin')).toBe('unsupported');
    expect(await kind(new Uint8Array([0x00, 0xff, 0x13, 0x80]), 'blob.txt', 'text')).toBe('encoding');
    expect(await kind(new TextEncoder().encode('  \n\n '), 'blank.txt')).toBe('empty');
    expect(await kind(new TextEncoder().encode('关于印发计划的通知\n正文'), 'notice.txt')).toBe('no_header');
    const header =
      '地市\t序号\t抽查任务名称\t抽查事项\t抽查对象范围\t抽查比例及频次\t智慧监管(信用风险)分类要求\t抽查检查起止时间\t发起部门\t配合部门\n';
    expect(await kind(new TextEncoder().encode(header), 'header.txt')).toBe('no_tasks');
  });

  describe.skipIf(!existsSync(seedPath))('a GB18030 notice', () => {
    it('decodes it and says it was not UTF-8', async () => {
      const text = readFileSync(seedPath, 'utf8');
      const read = await parsePlanFile(encodeGb18030(text), 'notice-gbk.txt');
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value.tasks).toEqual(parsePlanText(text).tasks);
      expect(read.value.warnings[0]?.message).toBe('notice-gbk.txt is not UTF-8: decoded as GB18030');
    });
  });
});
