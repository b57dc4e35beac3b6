import { z } from 'zod';

const month = z.number().int().min(1).max(12);

export const taskLineSchema = z.object({
  matters: z.array(z.string().max(2000)).max(50),
  scope: z.string().max(2000).nullable(),
  ratio: z
    .object({ percent: z.number().min(0).max(100), bound: z.enum(['exact', 'atLeast', 'atMost']) })
    .nullable(),
  timesPerYear: z.number().int().min(1).max(366).nullable(),
  minCount: z.number().int().min(0).nullable(),
  approxCount: z.number().int().min(0).nullable(),
  window: z.object({ fromMonth: month, toMonth: month }).nullable(),
});

/** A task as the parser produces it (core PlanTask); the editor sends it back after inline fixes. */
export const planTaskSchema = z.object({
  seq: z.number().int().min(1).max(9999),
  seqPrinted: z.string().max(20).nullable(),
  region: z.string().min(1).max(40),
  name: z.string().max(500).nullable(),
  lines: z.array(taskLineSchema).min(1, '每项任务至少有一行抽查内容').max(50),
  riskBased: z.boolean(),
  initiators: z.array(z.string().min(1).max(100)).max(20),
  cooperators: z.array(z.string().min(1).max(100)).max(40),
  initiatorDepartments: z.array(z.string()).max(20),
  cooperatorDepartments: z.array(z.string()).max(40),
});

export const planDraftSchema = z.object({
  title: z.string().trim().min(1).max(200),
  sourceName: z.string().max(300).nullable(),
  tasks: z.array(planTaskSchema).min(1).max(5000),
});

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
