import { z } from 'zod';

/** Counts of projects for one lens: `key` is the lens value (null when not set). */
export const BreakdownSchema = z.array(z.object({ key: z.string().nullable(), count: z.int() }));
export type Breakdown = z.infer<typeof BreakdownSchema>;

export const DashboardSchema = z.object({
  total: z.int(),
  /** Active and scaled projects by stage: the funnel. */
  funnel: BreakdownSchema,
  status: BreakdownSchema,
  innovationType: BreakdownSchema,
  oecdFacet: BreakdownSchema,
  pillar: BreakdownSchema,
  entity: z.array(z.object({ key: z.string().nullable(), label: z.string().nullable(), count: z.int() })),
  evidenceLevel: BreakdownSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;
