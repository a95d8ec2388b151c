/** The catalogue back office's API answers (see /api/openapi.json: CatalogueRow, CatalogueItem …). */

export type Status = 'draft' | 'inReview' | 'published' | 'approved' | 'rejected' | 'withdrawn';
export type Disclosure = 'proactive' | 'onRequest' | 'withheld';

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

export interface Fields {
  title: string;
  summary: string;
  content: string;
  madeOn: string;
  publisher: string;
  docNo: string | null;
  topic: string;
  docType: string;
  disclosure: Disclosure;
  withheldGround: string | null;
  effectiveOn: string | null;
  repealedOn: string | null;
  channels: string[];
  interpretationOf: number | null;
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

export interface Review {
  seq: number;
  round: number;
  change: boolean;
  step: number;
  stepName: string;
  decision: 'submit' | 'approve' | 'reject';
  decisionLabel: string;
  comment: string | null;
  actor: string;
  actorName: string;
  at: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  pending: boolean;
  removed: boolean;
  createdAt: string;
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
