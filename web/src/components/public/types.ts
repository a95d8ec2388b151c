/** The public API's answers, inferred from its contract (src/api/public.ts: PublicFormInfo, PublicSubmitted, PublicStatus). */
import type { z } from '@hono/zod-openapi';
import type { BodySchema } from '../../../../src/api/admin.js';
import type { DueSummary as DueSummarySchema, FormInfoSchema, StatusSchema, StepSchema, SubmittedSchema } from '../../../../src/api/public.js';

export type FormInfo = z.infer<typeof FormInfoSchema>;
export type DueSummary = z.infer<typeof DueSummarySchema>;
export type Step = z.infer<typeof StepSchema>;
export type Submitted = z.infer<typeof SubmittedSchema>;
export type PublicStatus = z.infer<typeof StatusSchema>;

/** A body to apply to, as GET /api/bodies lists them. */
export type Body = z.infer<typeof BodySchema>;
