/**
 * `gongkai bodies import|export`: the directory of regions and bodies (机关名录) as a CSV or Excel
 * file, in the embedded database (./data, or GONGKAI_DATA_DIR) or PostgreSQL (DATABASE_URL). The
 * same use cases as the administrator's page, as the local operator (GONGKAI_USER, else the OS
 * user name). An import is all or nothing: a wrong row is named with its line and nothing is written.
 *
 * Only commander is imported here; the use cases and the database load inside the actions.
 */
import { Command } from 'commander';

const HELP_COLUMNS = `
文件的列（第一行为列名）：
  代码              政府填行政区划代码（省、市、县 6 位，乡镇街道 9 位或 12 位）；部门填其编号
  名称              机关全称，如 青禾县石泉街道办事处
  层级              省级、市级、县级、乡镇（街道）、部门
  上级代码          政府填上一级地区的代码；部门填所属政府的行政区划代码
  别名              简称、曾用名，多个用“、”分隔（可空）
  在本系统办理      是：受理申请、有经办人、发布目录；否：仅收录其公开的年度报告（新机关空白即为否）
  统一社会信用代码  可空；填写的按 GB 32100-2015 校验`;

/** Run a directory command: a refusal prints its reason (every wrong row) and exits 2. */
async function act(work: (s: import('../app/context.js').AppServices, actor: import('../accounts/permissions.js').Actor) => Promise<void>): Promise<number> {
  const [{ withServices }, { operator }, { Refusal }, { complain, describeError }] = await Promise.all([
    import('./services.js'),
    import('../accounts/permissions.js'),
    import('../app/errors.js'),
    import('./io.js'),
  ]);
  try {
    await withServices((s) => work(s, operator(process.env.GONGKAI_USER ?? process.env.USER ?? 'cli')));
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      complain('bodies', error.message);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code) {
      complain('bodies', describeError(error));
      return 2;
    }
    throw error;
  }
}

export function bodiesCommands(setCode: (code: number) => void): Command {
  const cmd = new Command('bodies').description('机关名录：地区和机关的导入、导出（CSV 或 Excel）\nThe directory of regions and bodies.');

  cmd
    .command('import <file>')
    .description(`导入机关名录（.csv 或 .xlsx）；任一行有误则整批不导入，并逐行说明原因 (import, all or nothing)${HELP_COLUMNS}`)
    .action(async (file: string) =>
      setCode(
        await act(async (s, actor) => {
          const [{ importDirectory }, { readInput }, { basename }] = await Promise.all([import('../app/directory/index.js'), import('./io.js'), import('node:path')]);
          const r = await importDirectory(s, actor, { bytes: await readInput(file), fileName: basename(file) });
          process.stdout.write(`已导入：地区 ${r.regions} 个；机关新增 ${r.created} 个、更新 ${r.updated} 个（在本系统办理 ${r.worksHere} 个，仅收录 ${r.observed} 个）\n`);
        }),
      ),
    );

  cmd
    .command('export')
    .description('导出机关名录，格式与导入相同 (export, as the import reads it)')
    .option('--format <format>', '格式：csv 或 xlsx', 'csv')
    .option('-o, --out <file>', '输出文件（CSV 不填则写到标准输出；xlsx 不填则按日期命名写到当前文件夹）')
    .action(async (o: { format: string; out?: string }) =>
      setCode(
        await act(async (s, actor) => {
          const [{ exportDirectory }, { invalid }, { writeFile }] = await Promise.all([import('../app/directory/index.js'), import('../app/errors.js'), import('node:fs/promises')]);
          if (o.format !== 'csv' && o.format !== 'xlsx') throw invalid(`格式只能是 csv 或 xlsx（现为“${o.format}”）`);
          const file = await exportDirectory(s, actor, o.format);
          if (!o.out && o.format === 'csv') process.stdout.write(file.bytes);
          else {
            await writeFile(o.out ?? file.fileName, file.bytes);
            process.stderr.write(`已写出 ${o.out ?? file.fileName}\n`);
          }
        }),
      ),
    );
  return cmd;
}
