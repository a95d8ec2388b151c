/** The register API's answers (see /api/openapi.json: RegisterRow, RegisterApplication …). */

export type State = 'replied' | 'withdrawn' | 'awaitingCorrection' | 'overdue' | 'dueSoon' | 'open';
export type EventKind = 'correctionRequested' | 'correctionReceived' | 'consultation' | 'extended' | 'feeNotice' | 'feePaid' | 'withdrawn' | 'replied';

export interface DueStep {
  date: string;
  weekday: string;
  label: string;
  note?: string;
}

export interface DueDate {
  due: string;
  weekday: string;
  provisional: boolean;
  steps: DueStep[];
  workingDays: number | null;
}

export interface RegisterRow {
  id: string;
  receivedOn: string;
  applicantType: string;
  applicantTypeLabel: string;
  applicantName: string;
  idNumber: string | null;
  contact: string | null;
  description: string;
  channelLabel: string;
  state: State;
  stateLabel: string;
  due: DueDate | null;
  dueNote: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  closedOn: string | null;
}

export interface BodyRef {
  id: string;
  name: string;
}

export interface RegisterList {
  body: BodyRef;
  today: string;
  canWrite: boolean;
  personalData: boolean;
  years: number[];
  total: number;
  items: RegisterRow[];
}

export interface DueList {
  body: BodyRef;
  today: string;
  dueSoonDays: number;
  items: RegisterRow[];
}

export interface TimelineEntry {
  date: string;
  kind: string;
  label: string;
  text: string;
  actor: string | null;
  recordedAt: string | null;
}

export interface ApplicationDetail extends RegisterRow {
  body: BodyRef;
  applicant: { type: string; typeLabel: string; name: string; idNumber: string | null; contact: string | null };
  personalData: boolean;
  form: string | null;
  delivery: string | null;
  channel: string;
  receiptRule: string;
  arrival: { arrivedOn: string; signedForOn: string | null; confirmedOn: string | null } | null;
  letterNo: string | null;
  late: boolean;
  timeline: TimelineEntry[];
  allowed: EventKind[];
  canWrite: boolean;
  letters: { kind: 'reply' | 'extension'; title: string }[];
}

export interface Vocabulary {
  today: string;
  applicantTypes: { key: string; label: string; organisation: boolean }[];
  channels: { key: string; label: string; rule: string }[];
  outcomes: { key: string; group: string; label: string }[];
  events: Record<EventKind, string>;
  parties: Record<string, string>;
  feeMethods: Record<string, string>;
}

export interface Letter {
  title: string;
  number?: string;
  salutation: string;
  paragraphs: string[];
  signature: string[];
  basis: string[];
}
