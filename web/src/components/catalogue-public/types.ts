/** The public catalogue's, the guide's and the opinion box's API answers: the types of the API contract (src/api/catalogue-public.ts, src/api/opinions.ts). */
import type { z } from '@hono/zod-openapi';
import type { BodyRefSchema, GuidePartSchema, GuideSchema, ItemSchema, ItemSummarySchema, OptionsSchema, SearchResultSchema } from '../../../../src/api/catalogue-public.js';
import type {
  FiguresSchema,
  OfficerOpinionSchema,
  OpinionListSchema,
  OpinionSubmittedSchema,
  OpinionViewSchema,
} from '../../../../src/api/opinions.js';

export type ItemSummary = z.infer<typeof ItemSummarySchema>;
export type Item = z.infer<typeof ItemSchema>;
export type SearchResult = z.infer<typeof SearchResultSchema>;
export type CatalogueOptions = z.infer<typeof OptionsSchema>;
export type BodyRef = z.infer<typeof BodyRefSchema>;
export type GuidePart = z.infer<typeof GuidePartSchema>;
export type Guide = z.infer<typeof GuideSchema>;
export type OpinionView = z.infer<typeof OpinionViewSchema>;
export type OfficerOpinion = z.infer<typeof OfficerOpinionSchema>;
export type OpinionList = z.infer<typeof OpinionListSchema>;
export type OpinionFigures = z.infer<typeof FiguresSchema>;
export type OpinionSubmitted = z.infer<typeof OpinionSubmittedSchema>;
