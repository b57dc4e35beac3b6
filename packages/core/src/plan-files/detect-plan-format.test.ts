import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodePlanText, detectPlanFormat } from './detect-plan-format.ts';

async function zipWith(path: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(path, '<x/>');
  return zip.generateAsync({ type: 'uint8array' });
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('detectPlanFormat', () => {
  it('tells .xlsx from .docx by the zip entries, whatever the name says', async () => {
    expect(detectPlanFormat(await zipWith('word/document.xml'), 'plan.xlsx')).toBe('docx');
    expect(detectPlanFormat(await zipWith('xl/workbook.xml'), 'plan.docx')).toBe('xlsx');
    expect(detectPlanFormat(await zipWith('other.bin'), 'plan.zip')).toBeNull();
    expect(detectPlanFormat(await zipWith('other.bin'), 'plan.xlsx')).toBe('xlsx');
  });

  it('reads an OLE compound file as .xls, except a Word 97 document', () => {
    const ole = new Uint8Array([...OLE, ...new Uint8Array(504)]);
    expect(detectPlanFormat(ole, 'plan.xls')).toBe('xls');
    expect(detectPlanFormat(ole, 'plan.doc')).toBeNull();
    const word = new Uint8Array([...OLE, ...Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(detectPlanFormat(word, 'plan.bin')).toBeNull();
  });

  it('reads UTF-8 and GB18030 text as text, binary noise as nothing', () => {
    expect(detectPlanFormat(new TextEncoder().encode('地市\t序号\t抽查任务名称\n'), 'a.txt')).toBe('text');
    expect(detectPlanFormat(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x0a]), 'a.txt')).toBe('text');
    expect(detectPlanFormat(new Uint8Array([0x00, 0xff, 0x13, 0x80, 0x81]), 'a.txt')).toBeNull();
    expect(detectPlanFormat(new Uint8Array(0), 'a.txt')).toBeNull();
  });
});

describe('decodePlanText', () => {
  it('prefers UTF-8, falls back to GB18030 (中文 = D6D0 CEC4), refuses control characters', () => {
    expect(decodePlanText(new TextEncoder().encode('中文'))).toEqual({ text: '中文', encoding: 'utf-8' });
    expect(decodePlanText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({
      text: '中文',
      encoding: 'gb18030',
    });
    expect(decodePlanText(new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
  });
});
