import { describe, expect, it } from 'vitest';
import { findCategory, OBJECT_CATEGORIES } from './categories.ts';
import { OBJECT_KINDS } from './register-types.ts';

describe('OBJECT_CATEGORIES', () => {
  it('has unique kebab-case codes and Chinese names', () => {
    const codes = OBJECT_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of OBJECT_CATEGORIES) {
      expect(c.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.name).toMatch(/[\u4e00-\u9fff]/);
      expect(findCategory(c.code)).toBe(c);
    }
  });

  it('describes every category completely: kinds, keywords, references to existing categories', () => {
    for (const c of OBJECT_CATEGORIES) {
      expect(c.kinds.length, c.code).toBeGreaterThan(0);
      for (const k of c.kinds) expect(OBJECT_KINDS).toContain(k);
      expect(c.keywords.length, c.code).toBeGreaterThan(0);
      for (const k of c.keywords) expect(k, c.code).toBe(k.normalize('NFKC').replace(/\s+/g, ''));
      for (const tag of c.also) expect(findCategory(tag.code), `${c.code} → ${tag.code}`).toBeDefined();
      for (const r of c.related) expect(findCategory(r), `${c.code} → ${r}`).toBeDefined();
      if (c.membership.by === 'union') {
        for (const m of c.membership.of)
          expect(findCategory(m)?.membership.by, `${c.code} → ${m}`).toBe('tag');
      }
    }
  });

  it('gives main categories kind shares that sum to 1 and name endings for every kind', () => {
    for (const c of OBJECT_CATEGORIES.filter((x) => x.membership.by === 'tag' && x.cityCount > 0)) {
      const sum = Object.values(c.kindShares).reduce((a, b) => a + b, 0);
      expect(sum, c.code).toBeCloseTo(1, 6);
      for (const k of c.kinds) expect(c.nameEndings[k]?.length ?? 0, `${c.code}/${k}`).toBeGreaterThan(0);
    }
  });

  it('sizes the main categories like a city of 2.2 M people (about 200,000 market entities)', () => {
    const total = OBJECT_CATEGORIES.reduce(
      (sum, c) => sum + (c.membership.by === 'tag' ? c.cityCount : 0),
      0,
    );
    expect(total).toBeGreaterThan(180_000);
    expect(total).toBeLessThan(220_000);
    expect(findCategory('funeral')?.cityCount).toBeLessThan(15);
    expect(findCategory('tobacco-retail')?.licences[0]).toBe('烟草专卖零售许可证');
    expect(findCategory('catering')?.licences[0]).toBe('食品经营许可证');
    expect(findCategory('publication-distributor')?.licences[0]).toBe('出版物经营许可证');
  });
});
