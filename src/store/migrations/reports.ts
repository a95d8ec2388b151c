/** Migrations of the annual-report editor (drafts): versions 300–399. */
import type { Migration } from '../migrations.js';

export const REPORT_MIGRATIONS: readonly Migration[] = [];
