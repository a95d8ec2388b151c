/**
 * The directory's pure core: codes, names, reading and planning an import (every wrong row named
 * with its line), the tree and the export that reads back the same.
 */
import { describe, expect, it } from 'vitest';
import { creditCodeProblem, parentProblem, regionCodeProblem } from '../../src/directory/codes.js';
import { normalizeName, regionNameOf, splitAliases } from '../../src/directory/names.js';
import { planImport, type ExistingBody } from '../../src/directory/rows.js';
import { parseCsv, toCsv } from '../../src/directory/table.js';
import { buildTree, exportTable, subtreeCodes, type BodyRecord, type RegionRecord } from '../../src/directory/tree.js';

const HEADER = ['代码', '名称', '层级', '上级代码', '别名', '在本系统办理', '统一社会信用代码'];
const table = (...rows: string[][]) => [HEADER, ...rows];

describe('统一社会信用代码', () => {
  it('accepts the example of GB 32100-2015 and refuses a wrong check character', () => {
    // 9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0 + 0 + 21(M)×20 + 0 + 0 + 0 + 1×8 + 0 + 0 + 30(Y)×30 + 4×28 = 1640;
    // 1640 mod 31 = 28, and 31 − 28 = 3: the 18th character is 3.
    expect(creditCodeProblem('91350100M000100Y43')).toBeUndefined();
    expect(creditCodeProblem('91350100M000100Y44')).toContain('校验位不符：按前 17 位应为“3”');
    expect(creditCodeProblem('91350100M000100Y4')).toContain('应为 18 位');
    expect(creditCodeProblem('91350100M000100I43')).toContain('不允许的字符“I”');
  });
});

describe('行政区划代码', () => {
  it('knows each level by its digits and a child by its parent’s prefix', () => {
    expect(regionCodeProblem('330000', 'province', '省级')).toBeUndefined();
    expect(regionCodeProblem('330100', 'city', '市级')).toBeUndefined();
    expect(regionCodeProblem('330106', 'county', '县级')).toBeUndefined();
    expect(regionCodeProblem('330106001', 'township', '乡镇')).toBeUndefined();
    expect(regionCodeProblem('330106001000', 'township', '乡镇')).toBeUndefined();
    expect(regionCodeProblem('330100', 'county', '县级')).toContain('后两位不为 0');
    expect(regionCodeProblem('330106001001', 'township', '乡镇')).toBeDefined(); // a village, not a township
    expect(parentProblem('330106', 'county', '330100', 'city')).toBeUndefined();
    expect(parentProblem('330206', 'county', '330100', 'city')).toContain('应以 3301 开头');
    expect(parentProblem('330100', 'city', '330106', 'county')).toContain('层级不高于本行');
  });
});

describe('names', () => {
  it('compares names after NFKC without spaces or invisible characters', () => {
    expect(normalizeName('青禾县 石泉\u200B街道办事处')).toBe('青禾县石泉街道办事处');
    expect(normalizeName('青禾县第１中学')).toBe('青禾县第1中学');
    expect(splitAliases('石泉街道、石泉镇人民政府、 石泉街道 ')).toEqual(['石泉街道', '石泉镇人民政府']);
    expect(regionNameOf('青禾县人民政府')).toBe('青禾县');
    expect(regionNameOf('青禾县石泉街道办事处')).toBe('青禾县石泉街道');
  });
});

describe('planning an import', () => {
  const none = { regions: [], bodies: [] };

  it('makes regions and bodies from governments and departments, parents first', () => {
    const result = planImport(
      table(
        ['330100', '青禾市人民政府', '市级', '', '', '否', ''],
        ['330106', '青禾市青禾县人民政府', '县级', '330100', '青禾县人民政府', '否', ''],
        ['330106001', '青禾县石泉街道办事处', '乡镇（街道）', '330106', '石泉街道办事处、石泉街道', '是', ''],
        ['qh-zr', '青禾县自然资源局', '部门', '330106', '', '否', '91350100M000100Y43'],
      ),
      none,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.regions.map((r) => [r.code, r.name, r.parentCode])).toEqual([
      ['330100', '青禾市', null],
      ['330106', '青禾市青禾县', '330100'],
      ['330106001', '青禾县石泉街道', '330106'],
    ]);
    const zr = result.plan.bodies.find((b) => b.id === 'qh-zr')!;
    expect(zr).toMatchObject({ level: 'department', regionCode: '330106', worksHere: false, creditCode: '91350100M000100Y43', existing: false });
    expect(result.plan.bodies.find((b) => b.id === '330106001')!.aliases).toEqual(['石泉街道办事处', '石泉街道']);
  });

  it('names every wrong row with its line and the reason, and plans nothing', () => {
    const result = planImport(
      table(
        ['330100', '青禾市人民政府', '市级', '', '', '是', ''],
        ['330106', '青禾县人民政府', '县级', '330100', '', '也许', ''], // line 3
        ['330206', '白溪县人民政府', '县级', '330100', '', '', ''], // line 4: not in 3301
        ['qh-zr', '青禾县自然资源局', '部门', '', '', '', ''], // line 5: no parent
        ['qh-jy', '青禾县教育局', '部门', '339999', '', '', ''], // line 6: unknown parent
        ['qh-zr', '青禾县水利局', '部门', '330100', '', '', ''], // line 7: code again
        ['qh-sl', '青禾市人民政府', '部门', '330100', '', '', ''], // line 8: name again
        ['qh-x', '青禾县某局', '科级', '330100', '', '', ''], // line 9: level unknown
        ['qh-y', '青禾县另一局', '部门', '330100', '', '', '91350100M000100Y44'], // line 10
      ),
      none,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byLine = new Map(result.errors.map((e) => [e.line, e.message]));
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byLine.get(3)).toContain('在本系统办理只能填“是”或“否”');
    expect(byLine.get(4)).toContain('不在上级“330100”的区划内');
    expect(byLine.get(5)).toContain('部门须填写上级代码');
    expect(byLine.get(6)).toContain('既不在本文件中，也不在现有名录中');
    expect(byLine.get(7)).toBe('代码“qh-zr”与第 5 行重复');
    expect(byLine.get(8)).toBe('名称“青禾市人民政府”与第 2 行重复');
    expect(byLine.get(9)).toContain('层级“科级”无法识别');
    expect(byLine.get(10)).toContain('校验位不符');
  });

  it('matches kept bodies: the short-named one becomes the full name, its old name an alias; an empty status keeps its status', () => {
    const kept: ExistingBody[] = [{ id: 'sq', name: '石泉街道办事处', level: 'township', regionCode: null, aliases: [] }];
    const result = planImport(table(['330106', '青禾县人民政府', '县级', '', '', '', ''], ['330106001', '青禾县石泉街道办事处', '乡镇', '330106', '石泉街道办事处', '', '']), { regions: [], bodies: kept });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.bodies.map((b) => [b.id, b.existing, b.worksHere])).toEqual([
      ['330106', false, null],
      ['sq', true, null],
    ]);
    expect(result.plan.bodies[1]).toMatchObject({ name: '青禾县石泉街道办事处', regionCode: '330106001', aliases: ['石泉街道办事处'] });
  });

  it('refuses an empty file and a file without the required columns', () => {
    expect(planImport([], { regions: [], bodies: [] })).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(planImport([['名称', '层级']], { regions: [], bodies: [] })).toMatchObject({ ok: false, errors: [{ line: 1, message: '缺少列：代码（第一行应为列名）' }] });
  });
});

describe('the tree and the export', () => {
  const regions: RegionRecord[] = [
    { code: '330106', name: '青禾县', level: 'county', parentCode: '330100' },
    { code: '330100', name: '青禾市', level: 'city', parentCode: null },
    { code: '330106001', name: '青禾县石泉街道', level: 'township', parentCode: '330106' },
  ];
  const body = (id: string, name: string, level: BodyRecord['level'], regionCode: string | null, worksHere = false): BodyRecord => ({ id, name, level, regionCode, aliases: [], creditCode: null, worksHere });
  const bodies = [
    body('qh-zr', '青禾县自然资源局', 'department', '330106'),
    body('qh-county', '青禾县人民政府', 'county', '330106', true),
    body('330100', '青禾市人民政府', 'city', '330100'),
    body('330106001', '青禾县石泉街道办事处', 'township', '330106001'),
    body('old', '某旧机关', 'department', null),
  ];

  it('nests regions, puts the government first and counts the bodies below', () => {
    const tree = buildTree(regions, bodies);
    expect(tree.roots.map((r) => r.code)).toEqual(['330100']);
    const county = tree.roots[0]!.children[0]!;
    expect(county.bodies.map((b) => b.id)).toEqual(['qh-county', 'qh-zr']);
    expect([tree.roots[0]!.total, county.total]).toEqual([4, 3]);
    expect(tree.unplaced.map((b) => b.id)).toEqual(['old']);
    expect([...subtreeCodes(regions, '330106')].sort()).toEqual(['330106', '330106001']);
  });

  it('exports what the import reads back as the same directory', () => {
    const rows = exportTable(regions, bodies);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1, 4).map((r) => [r[0], r[1], r[3], r[5]])).toEqual([
      ['330100', '青禾市人民政府', '', '否'],
      ['330106', '青禾县人民政府', '330100', '是'],
      ['qh-zr', '青禾县自然资源局', '330106', '否'],
    ]);
    const csv = toCsv(rows);
    expect(parseCsv(csv)).toEqual(rows);
    const again = planImport(parseCsv(csv), { regions, bodies });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.plan.bodies.every((b) => b.existing)).toBe(true);
    expect(again.plan.bodies.map((b) => b.id).sort()).toEqual(bodies.map((b) => b.id).sort());
  });

  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('\uFEFF代码,名称\r\n"a,1","青禾""县""\n局"\r\n')).toEqual([['代码', '名称'], ['a,1', '青禾"县"\n局']]);
  });
});
