/** The analysis API's answers, as the pages use them: the types of the API contract (src/api/analysis.ts). */
import type { z } from '@hono/zod-openapi';
import type { PointSchema, RollupSchema, ScopedBodySchema, SeriesSchema } from '../../../../src/api/analysis.js';
import type { GridCell } from '../../../../src/render/layout.js';

export type { GridCell };

export type AnalysisBody = z.infer<typeof ScopedBodySchema>;
export type RollupAnswer = z.infer<typeof RollupSchema>;
export type OfficialTable = RollupAnswer['tables'][number];
export type Finding = RollupAnswer['findings'][number];
export type RollupSourceOutcome = RollupAnswer['sources'][number];
export type SeriesPoint = z.infer<typeof PointSchema>;
export type Figure = SeriesPoint['newReceived'];
export type SeriesAnswer = z.infer<typeof SeriesSchema>;
