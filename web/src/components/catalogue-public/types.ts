/** The public catalogue's API answers as the pages use them (see /api/openapi.json: CatalogueSearchResult, CatalogueItem, Guide, Opinion…). */
import type { PublicItem, PublicItemSummary, SearchResult as StoreSearchResult } from '../../../../src/store/catalogue-search.js';

// The items as the store gives them to the API (one definition; the browser imports its types only).
export type ItemSummary = PublicItemSummary;
export type Item = PublicItem;

export interface SearchResult extends StoreSearchResult {
  page: number;
  pages: number | null;
  pageSize: number;
  terms: string[];
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
