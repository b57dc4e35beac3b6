import type { TaskLineDto } from '@ssj/server/api-types';
import type { Translate } from '../i18n/i18n-context.ts';

/** A line's share and frequency as the notice prints it: `不低于20%，不少于4户，1次/年（约6家）`. */
export function formatRatio(line: TaskLineDto, t: Translate): string {
  const parts: string[] = [];
  if (line.ratio !== null) {
    parts.push(t(`plan.ratio.${line.ratio.bound}`, { percent: line.ratio.percent }));
  }
  if (line.minCount !== null) parts.push(t('plan.ratio.minCount', { count: line.minCount }));
  if (line.timesPerYear !== null) parts.push(t('plan.ratio.timesPerYear', { times: line.timesPerYear }));
  let text = parts.join(t('plan.ratio.separator'));
  if (line.approxCount !== null) text += t('plan.ratio.approxCount', { count: line.approxCount });
  return text === '' ? '—' : text;
}

/** A line's window as the notice prints it: `3月—12月`. */
export function formatWindow(line: TaskLineDto, t: Translate): string {
  if (line.window === null) return '—';
  return t('plan.window', { from: line.window.fromMonth, to: line.window.toMonth });
}
