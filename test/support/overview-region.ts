/**
 * A small region typed by hand for the overview tests: 青禾市 with two counties and five bodies,
 * two years of uploads whose state is known — on time, late (PUB.LATE), with errors, unreadable,
 * missing, a body-year uploaded twice — and, under another city, 55 bodies with nothing uploaded
 * (for paging). Written into a database as uploads leave it (findings with their severity).
 *
 * 2024 by hand:  青禾县人民政府 on time, no finding; 青禾县教育局 late + 1 error; 甲镇 two uploads,
 *                the later (counted) with 2 errors, the earlier with 3; 乙镇 nothing (缺报);
 *                河口镇 one unreadable file.
 * 2023 by hand:  青禾县人民政府 nothing; 青禾县教育局 on time; 甲镇 late; 乙镇 on time + 1 error;
 *                河口镇 nothing.
 */
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../src/server/context.js';
import { addAccount } from './web.js';

export const REGIONS = [
  ['330100', '青禾市', 'city', null],
  ['330106', '青禾县', 'county', '330100'],
  ['330106001', '甲镇', 'township', '330106'],
  ['330106002', '乙镇', 'township', '330106'],
  ['330108', '白溪县', 'county', '330100'],
  ['330108001', '河口镇', 'township', '330108'],
  ['330200', '远山市', 'city', null],
  ['330201', '远山县', 'county', '330200'],
] as const;

export const BODIES = [
  ['xian', '青禾县人民政府', 'county', '330106'],
  ['ju', '青禾县教育局', 'department', '330106'],
  ['jia', '甲镇人民政府', 'township', '330106001'],
  ['yi', '乙镇人民政府', 'township', '330106002'],
  ['hk', '河口镇人民政府', 'township', '330108001'],
] as const;

const finding = (code: string, severity: 'error' | 'warning', at: string, n: number) => ({
  code, severity, at, message: `手写的第 ${n} 条发现`, expected: null, found: null, fingerprint: `${code}-${at}-${n}`,
});
const errors = (n: number) => Array.from({ length: n }, (_, i) => finding('T3.ROW_SUM', 'error', `applications.total.c${i}`, i + 1));
const LATE = finding('PUB.LATE', 'warning', 'publishedOn', 0);

/** [body, year, file, findings, unreadable?], in upload order (later rows are later uploads). */
const UPLOADS: [string, number, string, unknown[], boolean?][] = [
  ['xian', 2024, '青禾县2024.txt', []],
  ['ju', 2024, '教育局2024.txt', [LATE, ...errors(1)]],
  ['jia', 2024, '甲镇2024-初稿.txt', errors(3)],
  ['jia', 2024, '甲镇2024.txt', errors(2)],
  ['hk', 2024, '河口镇2024.pdf', [], true],
  ['ju', 2023, '教育局2023.txt', []],
  ['jia', 2023, '甲镇2023.txt', [LATE]],
  ['yi', 2023, '乙镇2023.txt', errors(1)],
];

/**
 * The region in a database, and accounts: `city` oversees 青禾市, `county` 青禾县, `baixi` 白溪县
 * (all by region), `adm` is the administrator. Returns the report ids by `body-year` (the later
 * upload of 甲镇 2024 under `jia-2024`, the earlier under `jia-2024-draft`).
 */
export async function seedOverviewRegion(deps: AppDeps): Promise<Record<string, number>> {
  const { db } = deps;
  for (const [code, name, level, parent] of REGIONS) {
    await db.query('INSERT INTO regions (code, name, level, parent_code) VALUES ($1, $2, $3, $4)', [code, name, level, parent]);
  }
  for (const [id, name, level, region] of BODIES) {
    await db.query('INSERT INTO bodies (id, name, level, region_code, works_here) VALUES ($1, $2, $3, $4, false)', [id, name, level, region]);
  }
  for (let i = 1; i <= 55; i++) {
    await db.query("INSERT INTO bodies (id, name, level, region_code, works_here) VALUES ($1, $2, 'department', '330201', false)", [`ys${i}`, `远山县第${i}局`]);
  }
  for (const [user, role, region] of [['city', 'supervisor', '330100'], ['county', 'supervisor', '330106'], ['baixi', 'supervisor', '330108'], ['adm', 'admin', null]] as const) {
    await addAccount(deps, user, role, []);
    if (region) {
      const id = (await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [user]))[0]!.id;
      await deps.accounts.updateUser(id, { regions: [region] }, 'test');
    }
  }
  const uploader = (await db.query<{ id: number }>("SELECT id FROM users WHERE username = 'city'"))[0]!.id;
  const ids: Record<string, number> = {};
  for (const [n, [bodyId, year, file, findings, unreadable]] of UPLOADS.entries()) {
    const unit = BODIES.find((b) => b[0] === bodyId)![1];
    const rows = await db.query<{ id: string }>(
      `INSERT INTO published_reports (sha256, file_name, format, body_id, unit, year, template, model, findings, error, uploaded_by, uploaded_at)
       VALUES ($1, $2, 'text', $3, $4, $5, '2021', $6, $7, $8, $9, now() - make_interval(mins => $10)) RETURNING id`,
      [
        createHash('sha256').update(file).digest('hex'), file, bodyId, unit, year,
        unreadable ? null : JSON.stringify({ unit, year }), JSON.stringify(findings),
        unreadable ? '文件损坏，无法读取' : null, uploader, 100 - n,
      ],
    );
    const key = `${bodyId}-${year}`;
    ids[key] = Number(rows[0]!.id);
    if (file.endsWith('初稿.txt')) ids[`${key}-draft`] = Number(rows[0]!.id);
  }
  return ids;
}
