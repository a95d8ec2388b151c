/** Migrations of the public catalogue side: opinion box (意见箱) and search extras, versions 550–599. */
import type { Migration } from '../migrations.js';

export const OPINION_MIGRATIONS: readonly Migration[] = [];
