/**
 * Published reports for the analysis tests, put straight into published_reports as an upload
 * would leave them: the model parsed from one of our own fixture files, its findings from
 * checkReport. (The upload route is another area's; these tests do not depend on it.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { checkReport } from '../../src/rules/check.js';
import type { AppDeps } from '../../src/server/context.js';
import type { Db } from '../../src/store/db.js';
import { FIXTURES } from './shared.js';
import { addAccount } from './web.js';

export const REPORTS = join(FIXTURES, 'reports');

/** The model of a fixture report (test/fixtures/reports/NAME). */
export function fixtureModel(name: string): AnnualReport {
  return parseBytes(new Uint8Array(readFileSync(join(REPORTS, name)))).report;
}

export const YL = '青禾县云岭镇人民政府';
export const SX = '青禾县松溪乡人民政府';
export const LY = '青禾县林业局';

/** The three bodies of 青禾县 the fixture reports are from, and `sup`, who oversees all three. */
export async function addQinghe(deps: AppDeps): Promise<void> {
  await deps.register.addBody('yl', YL, 'test', { region: '青禾县' });
  await deps.register.addBody('sx', SX, 'test', { region: '青禾县' });
  await deps.register.addBody('ly', LY, 'test', { region: '青禾县' });
  await addAccount(deps, 'sup', 'supervisor', ['yl', 'sx', 'ly']);
}

/**
 * The chart figures of 云岭镇 2024 as printed in yunling-2024.tsv.txt (typed by hand): 新收 10,
 * 上年结转 1, 办结 10, 结转下年度 1; 予以公开 5, 部分公开 1, 不予公开 (保护第三方) 1, 无法提供
 * (不掌握) 3; 行政复议 2, 行政诉讼 1.
 */
export const YUNLING_2024_FIGURES = {
  newReceived: 10,
  carriedOver: 1,
  handled: 10,
  carriedForward: 1,
  outcomes: { granted: 5, partlyGranted: 1, withheld: 1, unavailable: 3, notProcessed: 0, otherHandling: 0 },
  reconsideration: 2,
  litigation: 1,
};

export async function userId(db: Db, username: string): Promise<number> {
  return (await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id;
}

let serial = 0;

/** One uploaded report; returns its id. `uploadedAt` orders several uploads of one body and year. */
export async function publish(
  db: Db,
  p: { bodyId: string | null; uploadedBy: number; model: AnnualReport; fileName?: string; uploadedAt?: string },
): Promise<number> {
  const name = p.fileName ?? `${p.model.unit ?? 'report'}-${p.model.year ?? ''}.txt`;
  const sha = createHash('sha256').update(`${name}#${++serial}`).digest('hex');
  const rows = await db.query<{ id: string }>(
    `INSERT INTO published_reports (sha256, file_name, format, body_id, unit, year, template, model, findings, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'text', $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now())) RETURNING id`,
    [sha, name, p.bodyId, p.model.unit, p.model.year, p.model.template, JSON.stringify(p.model), JSON.stringify(checkReport(p.model)), p.uploadedBy, p.uploadedAt ?? null],
  );
  return Number(rows[0]!.id);
}
