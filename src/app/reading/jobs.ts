/** What the reading thread is asked and answers (./read-worker.ts, ./reader.ts). */
import type { IngestResult } from '../../ingest.js';
import type { ReadBudget } from '../../read/budget.js';
import type { Unzipped, UnzipLimits } from '../../read/zip.js';
import type { Finding } from '../../rules/finding.js';
import type { SourceView } from '../../store/published-store.js';

export type ReadJob =
  | { kind: 'read'; bytes: Uint8Array; budget: ReadBudget; view: boolean; check: boolean }
  | { kind: 'unzip'; bytes: Uint8Array; limits: UnzipLimits };

export type ReadJobValue =
  | { kind: 'read'; sha256: string; parsed: IngestResult; source: SourceView | null; findings: Finding[] | null }
  | { kind: 'unzip'; opened: Unzipped };
