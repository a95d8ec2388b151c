/** The public catalogue's API answers as the pages use them (see /api/openapi.json: CatalogueSearchResult, CatalogueItem, Guide, Opinion…). */

export interface ItemSummary {
  id: number;
  indexNo: string;
  title: string;
  summary: string;
  bodyId: string;
  bodyName: string;
  publisher: string;
  docNo: string | null;
  topic: string | null;
  docType: string | null;
  madeOn: string;
  publishedOn: string | null;
  reportYear?: number;
}

export interface SearchResult {
  items: ItemSummary[];
  total: number | null;
  hasMore: boolean;
  page: number;
  pages: number | null;
  pageSize: number;
  terms: string[];
}

export interface Item extends ItemSummary {
  content: string;
  channels: string[];
  ruleKind: 'regulations' | 'normativeDocuments' | null;
  effectiveOn: string | null;
  repealedOn: string | null;
  attachments: { id: number; fileName: string; mediaType: string; size: number }[];
  interpretations: { id: number; title: string }[];
  interprets: { id: number; title: string } | null;
}

export interface CatalogueOptions {
  topics: string[];
  types: string[];
  pageSize: number;
  countCap: number;
  maxPage: number;
}

export interface BodyRef {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  region?: string | null;
}

export interface GuidePart {
  heading?: string;
  paragraphs: string[];
  facts?: [string, string][];
  links?: { text: string; href: string }[];
}

export interface Guide {
  body: BodyRef;
  settings: Record<string, string | boolean | undefined>;
  guide: { title: string; intro: string[]; sections: { heading: string; parts: GuidePart[] }[]; missing: string[] };
  canEdit: boolean;
}

export interface OpinionView {
  refNo: string;
  bodyId: string;
  bodyName: string;
  kind: 'suggestion' | 'complaint' | 'report';
  kindLabel: string;
  subject: string;
  text: string;
  name: string | null;
  contact: string | null;
  receivedOn: string;
  answer: string | null;
  answeredOn: string | null;
}

export interface OfficerOpinion extends OpinionView {
  state: 'open' | 'answered';
  days: { days: number; provisional: boolean };
}

export interface OpinionList {
  body: BodyRef;
  canAnswer: boolean;
  personal: boolean;
  today: string;
  opinions: OfficerOpinion[];
}

export interface KindFigures {
  received: number;
  answered: number;
  open: number;
  averageDays: number | null;
  longestDays: number | null;
}

export interface OpinionFigures {
  body: BodyRef;
  year: number;
  kinds: (KindFigures & { kind: string; label: string })[];
  total: KindFigures;
  provisional: boolean;
  sentence: string;
}

export interface OpinionSubmitted {
  refNo: string;
  queryCode: string;
  bodyName: string;
  receivedOn: string;
}
