/**
 * Legacy .xls parsing with a time limit. SheetJS (the only .xls reader) can loop forever on a damaged file: fuzzing
 * found a formula-token loop (`parse_Rgce` steps past its end and never meets it again, @e965/xlsx 0.20.3). In the
 * server that would freeze the event loop for every user. So the parse runs in a worker thread that is terminated
 * when it takes longer than the limit — a synchronous loop cannot be interrupted any other way.
 */
import { Worker } from 'node:worker_threads';
import type * as XLSX from '@e965/xlsx';

/** Far above any honest .xls (65,536 rows at most): a parse this long is a damaged file. */
export const XLS_PARSE_TIME_LIMIT_MS = 15_000;

const XLSX_MODULE = import.meta.resolve('@e965/xlsx');

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then((XLSX) => {
  try {
    parentPort.postMessage({ ok: true, workbook: XLSX.read(workerData.bytes, workerData.options) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
`;

/** The parse did not finish within the limit: the file is damaged (or built to hang the reader). */
export class XlsReadTimeout extends Error {
  override readonly name = 'XlsReadTimeout';
}

type WorkerAnswer = { ok: true; workbook: XLSX.WorkBook } | { ok: false; message: string };

/**
 * `XLSX.read(bytes, options)` in a worker thread: the workbook, or an Error with SheetJS's message, or an
 * {@link XlsReadTimeout} when the file could not be read within `limitMs`.
 */
export function readXlsWorkbook(
  bytes: Uint8Array,
  options: XLSX.ParsingOptions,
  limitMs = XLS_PARSE_TIME_LIMIT_MS,
): Promise<XLSX.WorkBook> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: XLSX_MODULE, bytes, options: { ...options, type: 'buffer' } },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new XlsReadTimeout(`读取超过 ${String(limitMs / 1000)} 秒仍未完成（文件可能已损坏）`));
    }, limitMs);
    const settle = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer) => {
      settle();
      if (answer.ok) resolve(answer.workbook);
      else reject(new Error(answer.message));
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`the .xls reader stopped (exit ${String(code)})`)); // no effect once settled
    });
  });
}
