import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse-plan-text.ts';
import { translatePlanWarning } from './translate-plan-warning.ts';

const seed = fileURLToPath(
  new URL('../../../server/demo-data/jincheng-2023-plan-notice.txt', import.meta.url),
);

describe.skipIf(!existsSync(seed))('plan warnings in Chinese', () => {
  it('translates every warning the 2023 notice produces, keeping the quoted values', () => {
    const { warnings } = parsePlanText(readFileSync(seed, 'utf8'));
    expect(warnings.length).toBeGreaterThan(50);
    for (const w of warnings) {
      const zh = translatePlanWarning(w.message);
      // No English words left (quoted values and codes may hold Latin letters; plain prose must not).
      expect(zh.replace(/“[^”]*”/g, ''), w.message).not.toMatch(/\b[a-z]{3,}\b/);
    }
  });

  it('keeps an unknown message as it is', () => {
    expect(translatePlanWarning('something new')).toBe('something new');
  });
});
