/** What the body page, the regions page and the public region page receive: the types of the API contract (src/api/body-page.ts). */
import type { z } from '@hono/zod-openapi';
import type { BodyPageSchema, PublicRegionListSchema, PublicRegionSchema, RegionSettingsSchema } from '../../../../src/api/body-page.js';

export type BodyPage = z.infer<typeof BodyPageSchema>;
export type BodyYear = BodyPage['years'][number];
export type RegionSettings = z.infer<typeof RegionSettingsSchema>;
export type PublicRegion = z.infer<typeof PublicRegionSchema>;
export type PublicRegionList = z.infer<typeof PublicRegionListSchema>;
