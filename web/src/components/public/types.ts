/** The public API's answers, as the pages use them (see /api/openapi.json: PublicFormInfo, PublicSubmitted, PublicStatus). */

export interface Choice {
  key: string;
  label: string;
}

export interface FormInfo {
  notice: { heading: string; text: string; basis?: string }[];
  applicantTypes: Choice[];
  idKinds: (Choice & { person: boolean })[];
  forms: Choice[];
  deliveries: Choice[];
}

export interface Body {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  region: string | null;
}

export interface DueSummary {
  date: string;
  provisional: boolean;
}

export interface Step {
  date: string;
  label: string;
  note?: string;
}

export interface Submitted {
  id: string;
  queryCode: string;
  bodyName: string;
  receivedOn: string;
  due: DueSummary;
}

export interface PublicStatus {
  id: string;
  bodyName: string;
  applicant: { typeLabel: string; name: string; idKindLabel: string; idNumber: string; contact: string };
  description: string;
  form: string | null;
  delivery: string | null;
  receivedOn: string;
  status: 'processing' | 'awaitingCorrection' | 'awaitingFee' | 'replied' | 'withdrawn';
  statusLabel: string;
  closed: boolean;
  timeline: Step[];
  due: DueSummary & { steps: Step[] };
  correction?: { requestedOn: string; note?: string; receivedOn?: string; text?: string };
  outcome?: { on: string; label: string; letterNo?: string };
  canCorrect: boolean;
  canWithdraw: boolean;
}
