import { z } from 'zod';
import { findCategory, findRegion, OBJECT_KINDS } from '@ssj/core';
import type { ObjectKind, PopulationRule } from '@ssj/core';

/**
 * A population rule (core PopulationRule) as a clerk sends it from the edit drawer: known regions and categories
 * only, so a typo cannot silently empty a frame.
 */
export const populationRuleSchema: z.ZodType<PopulationRule> = z.object({
  regionCodes: z
    .array(
      z
        .string()
        .regex(/^\d{6}$/)
        .refine((c) => findRegion(c) !== undefined, '不是本市的区划代码'),
    )
    .max(20),
  categoryCodes: z
    .array(
      z
        .string()
        .max(80)
        .refine((c) => findCategory(c) !== undefined, '没有这个对象类别'),
    )
    .max(300),
  filters: z.object({
    kinds: z.array(z.enum(OBJECT_KINDS as readonly [ObjectKind, ...ObjectKind[]])).nullable(),
    statuses: z.array(z.enum(['存续', '注销', '吊销'])).max(3),
    minRegisteredCapital: z.number().nonnegative().nullable(),
    licence: z.string().trim().min(1).max(100).nullable(),
    flags: z.array(z.enum(['above-scale', 'key-unit'])).max(2),
  }),
  explicit: z.boolean(),
  explicitNames: z.array(z.string().max(200)).max(500),
  confidence: z.enum(['high', 'low']),
  reasons: z.array(z.string().max(1000)).max(100),
});
