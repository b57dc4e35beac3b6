import type { RiskBandDto } from '@ssj/server/api-types';
import type { MessageKey } from '../../i18n/zh-cn.ts';

/** A rate as a percentage with one decimal, or — when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A ratio such as a lift, with two decimals, or —. */
export function formatRatio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

/** The message key of a model band's name. */
export const RISK_BAND_KEY: Readonly<Record<RiskBandDto, MessageKey>> = {
  高: 'risk.band.high',
  中: 'risk.band.medium',
  低: 'risk.band.low',
};
