/** The catalogue back office's API answers (see /api/openapi.json: CatalogueRow, CatalogueItem …). */
import type { ItemFields } from '../../../../src/catalogue/items.js';
import type { Disclosure, ItemStatus } from '../../../../src/catalogue/vocabulary.js';
import type { AttachmentInfo, ReviewRecord } from '../../../../src/store/catalogue-store.js';

export type { Disclosure };
export type Status = ItemStatus;
/** What the officer edits, as the core checks it. */
export type Fields = ItemFields;

export interface ClockStep {
  date: string;
  weekday: string;
  label: string;
  note?: string;
}

export interface Clock {
  due: string;
  weekday: string;
  provisional: boolean;
  steps: ClockStep[];
  state: 'overdue' | 'dueSoon' | 'open';
  stateLabel: string;
  workingDays: number;
  changed: boolean;
}

export interface Row {
  id: number;
  indexNo: string;
  title: string;
  status: Status;
  statusLabel: string;
  change: { status: string; statusLabel: string } | null;
  waitingAt: string | null;
  topic: string;
  docType: string;
  disclosure: Disclosure;
  disclosureLabel: string;
  madeOn: string;
  publishedOn: string | null;
  reviewOn: string | null;
  clock: Clock | null;
  updatedAt: string;
}

export interface ChainStep {
  index: number;
  name: string;
  role: 'officer' | 'reviewer';
  roleLabel: string;
}

export interface Review extends ReviewRecord {
  decisionLabel: string;
  actorName: string;
}

export interface Attachment extends AttachmentInfo {
  url: string;
}

export interface Detail extends Row {
  body: { id: string; name: string };
  fields: Fields;
  ruleKind: string | null;
  firstPublishedOn: string | null;
  pending: { fields: Fields; status: string; statusLabel: string; removedAttachments: number[] } | null;
  chain: { steps: ChainStep[]; phase: 'draft' | 'inReview' | 'rejected' | 'done'; step: number; round: number; change: boolean };
  reviews: Review[];
  attachments: Attachment[];
  interpretationTitle: string | null;
  reexaminations: { examinedOn: string; conclusion: 'keep' | 'release'; comment: string | null; nextOn: string | null; actorName: string }[];
  can: { edit: boolean; submit: boolean; discardChange: boolean; reexamine: boolean; review: { step: number; name: string } | null; reviewNote: string | null };
}

export interface ItemList {
  body: { id: string; name: string };
  today: string;
  total: number;
  items: Row[];
  canDraft: boolean;
}

export interface QueueRow extends Row {
  bodyId: string;
  bodyName: string;
  step: number;
  stepName: string;
}

export interface DueLists {
  today: string;
  dueSoonDays: number;
  overdue: Row[];
  dueSoon: Row[];
}

export interface ReexamRow extends Row {
  reexamState: 'due' | 'soon' | 'later';
  groundLabel: string;
}

export interface Reexam {
  today: string;
  months: number;
  soonDays: number;
  items: ReexamRow[];
}

export interface Vocabulary {
  today: string;
  topics: string[];
  docTypes: string[];
  ruleTypes: Record<string, string>;
  channels: string[];
  disclosures: { key: Disclosure; label: string }[];
  grounds: { key: string; label: string; text: string }[];
  statuses: Record<string, string>;
  article26: string;
  article18: string;
  maxAttachmentBytes: number;
}

export interface Settings {
  indexRule: { pattern: string; org?: string };
  reviewSteps: { name: string; role: 'officer' | 'reviewer' }[];
  reexamineMonths: number;
  custom: { indexRule: boolean; reviewSteps: boolean; reexamineMonths: boolean };
  example: string;
}
