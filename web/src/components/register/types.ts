/** The register API's answers, inferred from its contract (src/api/register.ts: RegisterRow, RegisterApplication …). */
import type { z } from '@hono/zod-openapi';
import type {
  DetailSchema,
  DueListSchema,
  DueSchema,
  EventInput,
  LetterJson,
  ListSchema,
  RowSchema,
  TimelineSchema,
  VocabularySchema,
} from '../../../../src/api/register.js';

export type RegisterRow = z.infer<typeof RowSchema>;
export type State = RegisterRow['state'];
export type EventKind = z.infer<typeof EventInput>['kind'];
export type DueDate = z.infer<typeof DueSchema>;
export type RegisterList = z.infer<typeof ListSchema>;
export type DueList = z.infer<typeof DueListSchema>;
export type TimelineEntry = z.infer<typeof TimelineSchema>;
export type ApplicationDetail = z.infer<typeof DetailSchema>;
export type Vocabulary = z.infer<typeof VocabularySchema>;
export type Letter = z.infer<typeof LetterJson>;
