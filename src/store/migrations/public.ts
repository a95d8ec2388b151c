/** Migrations of the public side (online applications, query codes): versions 100–199. */
import type { Migration } from '../migrations.js';

export const PUBLIC_MIGRATIONS: readonly Migration[] = [];
