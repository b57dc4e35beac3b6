export { checkUscc, computeUsccCheckChar, describeUsccProblem, normalizeUscc } from './check-uscc.ts';
export type { UsccInfo, UsccProblem } from './check-uscc.ts';
export { isPlausibleDivisionCode } from './division-code.ts';
export { describeExcelCorruption, detectExcelCorruption } from './excel-corruption.ts';
export type { ExcelCorruption } from './excel-corruption.ts';
export { makeUscc } from './make-uscc.ts';
export { checkOrgCode, computeOrgCodeCheckChar, makeOrgCode } from './org-code.ts';
export type { OrgCodeProblem } from './org-code.ts';
export { REGISTRATION_AUTHORITIES, findRegistrationAuthority } from './registration-authorities.ts';
export type { RegistrationAuthority } from './registration-authorities.ts';
export {
  checkRegistrationNumber,
  computeMod1110CheckDigit,
  describeRegistrationNumberProblem,
} from './registration-number.ts';
export type { RegistrationNumberInfo, RegistrationNumberProblem } from './registration-number.ts';
export { USCC_CHARSET, USCC_WEIGHTS, valueOfUsccChar } from './uscc-charset.ts';
