/**
 * The "valid text" of the draw record (draw-record.ts, "Primitives"): ids, stratum names, departments, inspector codes,
 * task codes and salts go into tab-separated lines and SHA-256 inputs, so each must be non-empty, have a UTF-8 encoding
 * (no lone surrogate, DOMAIN.md §4.3) and hold no TAB, LF or CR.
 */
import { isFieldText } from '../sampling/index.ts';

/** Whether `text` is a valid text of the draw record. */
export function isValidRecordText(text: string): boolean {
  return isFieldText(text);
}
