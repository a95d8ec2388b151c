/** Migrations of the register's web screens (reply letters and the like): versions 400–499. */
import type { Migration } from '../migrations.js';

export const REGISTER_WEB_MIGRATIONS: readonly Migration[] = [];
