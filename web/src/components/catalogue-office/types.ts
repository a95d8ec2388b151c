/** The catalogue back office's API answers: the types of the API contract (src/api/catalogue.ts). */
import type { z } from '@hono/zod-openapi';
import type {
  AttachmentSchema,
  ClockSchema,
  DetailSchema,
  DueSchema,
  ListSchema,
  QueueSchema,
  ReexamSchema,
  ReviewSchema,
  RowSchema,
  SettingsSchema,
  StoredFields,
  VocabularySchema,
} from '../../../../src/api/catalogue.js';

export type Row = z.infer<typeof RowSchema>;
export type Status = Row['status'];
/** What the officer edits, as the core checks it. */
export type Fields = z.infer<typeof StoredFields>;
export type Clock = z.infer<typeof ClockSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type Detail = z.infer<typeof DetailSchema>;
export type ItemList = z.infer<typeof ListSchema>;
export type QueueRow = z.infer<typeof QueueSchema>['items'][number];
export type DueLists = z.infer<typeof DueSchema>;
export type Reexam = z.infer<typeof ReexamSchema>;
export type ReexamRow = Reexam['items'][number];
export type Vocabulary = z.infer<typeof VocabularySchema>;
export type Settings = z.infer<typeof SettingsSchema>;
