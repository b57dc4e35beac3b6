import type {
  ObjectRiskDto,
  RiskAllocationPreviewDto,
  RiskModelsDto,
  RiskReportDto,
  RiskTiltSettingsDto,
} from '@ssj/server/api-types';
import { fetchJson, sendJson } from '../../api/client.ts';

/** The risk model's endpoints (issue #9); all staff-only. */

function init(signal?: AbortSignal): RequestInit {
  return { signal: signal ?? null };
}

/** An object's band and top three reasons; `key` is its register id or canonical id (USCC …). */
export function getObjectRisk(key: string, signal?: AbortSignal): Promise<ObjectRiskDto> {
  return fetchJson<ObjectRiskDto>(`/api/objects/${encodeURIComponent(key)}/risk`, init(signal));
}

export function getRiskModels(signal?: AbortSignal): Promise<RiskModelsDto> {
  return fetchJson<RiskModelsDto>('/api/risk/models', init(signal));
}

/** Office: trains a new model version from the published results. */
export function trainRiskModel(csrfToken: string): Promise<RiskModelsDto> {
  return sendJson('POST', '/api/risk/models', csrfToken, {});
}

export function getRiskReport(year: number, signal?: AbortSignal): Promise<RiskReportDto> {
  return fetchJson<RiskReportDto>(`/api/risk/report?year=${String(year)}`, init(signal));
}

export function getRiskTilt(year: number, signal?: AbortSignal): Promise<RiskTiltSettingsDto> {
  return fetchJson<RiskTiltSettingsDto>(`/api/risk/tilt/${String(year)}`, init(signal));
}

/** Office: allows (or stops) model-tilted draws for the plan of `year`. */
export function setPlanTilt(
  year: number,
  input: { enabled: boolean; controlShare?: number },
  csrfToken: string,
): Promise<RiskTiltSettingsDto> {
  return sendJson('PUT', `/api/risk/tilt/${String(year)}`, csrfToken, input);
}

/** Office: tilts one task's draws by the model (or not). */
export function setTaskTilt(
  year: number,
  code: string,
  enabled: boolean,
  csrfToken: string,
): Promise<RiskTiltSettingsDto> {
  return sendJson('PUT', `/api/risk/tilt/${String(year)}/tasks/${encodeURIComponent(code)}`, csrfToken, {
    enabled,
  });
}

export function getTaskAllocation(
  year: number,
  code: string,
  signal?: AbortSignal,
): Promise<RiskAllocationPreviewDto> {
  return fetchJson<RiskAllocationPreviewDto>(
    `/api/risk/tilt/${String(year)}/tasks/${encodeURIComponent(code)}/allocation`,
    init(signal),
  );
}
