/**
 * The `gongkai` command. Help and messages are in Chinese, with English beside them for
 * international readers; each command lives in its own module.
 *
 * Start-up is most of what a short command costs, so this module declares every command with
 * only commander loaded, and each action imports its command's module when it runs: `--help`
 * loads no command at all, `parse` of a text file loads the reader and not the PDF reader, the
 * database, the web server or the spreadsheet writer. Keep it that way — anything imported at
 * the top of this file is paid by every command (test/cli/startup.test.ts lists what must not
 * be loaded; `npm run bench` times it).
 */
import { Command, CommanderError } from 'commander';
import type { BatchOptions } from './batch.js';
import type { CheckCommandOptions } from './check.js';
import { CALENDAR_FILE_HELP, type DueCommandOptions } from './due-help.js';
import type { RenderCommandOptions } from './render.js';
import type { ServeOptions } from './serve.js';
import { queueCommands } from './queue.js';
import { bodiesCommands } from './bodies.js';
import { registerCommands } from './register.js';

function program(setCode: (code: number) => void): Command {
  const cli = new Command('gongkai')
    .description('政府信息公开工作年度报告：读取、检查、生成\nRead, check and write China\'s open-government-information annual reports.')
    .version('0.1.0', '-V, --version', '显示版本 (show version)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .addHelpCommand('help [command]', '显示某个命令的帮助 (help for a command)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cli
    .command('parse')
    .description('把年度报告解析为标准 JSON（gongkai.report/v1）；多个文件输出 JSON Lines\nParse reports into canonical JSON; several files give JSON Lines.')
    .argument('<files...>', '报告文件，“-”表示标准输入 (report files, - for stdin)')
    .option('-o, --out <file>', '写入文件而不是标准输出 (write to a file)')
    .option('--no-provenance', '不输出每个数值的来源位置 (omit provenance)')
    .action(async (files: string[], opts: { out?: string; provenance: boolean }) => setCode(await (await import('./parse.js')).parseCommand(files, opts)));

  cli
    .command('check')
    .description('按全部规则检查报告（算术勾稽、结构、正文、跨年度、发布时间、内容雷同）\nCheck reports against every rule.')
    .argument('<files...>', '报告文件或标准 JSON 模型 (reports or canonical JSON models)')
    .option('--json', '输出 JSON (machine-readable output)')
    .option('--previous <file>', '同一机关上一年度的报告 (the same body\'s previous report)')
    .option('--deadline <date>', '发布期限 YYYY-MM-DD，覆盖默认规则 (publication deadline)')
    .option('--deadline-body <MM-DD>', '部门、乡镇街道的期限，默认 01-31 (deadline for departments, townships)')
    .option('--deadline-government <MM-DD>', '县级以上政府本级报告的期限，默认 03-31 (deadline for governments)')
    .option('--threshold <ratio>', '内容雷同阈值，默认 0.8 (similarity threshold)')
    .option('-o, --out <file>', '写入文件 (write to a file)')
    .action(async (files: string[], opts: CheckCommandOptions) => setCode(await (await import('./check.js')).checkCommand(files, opts)));

  cli
    .command('render')
    .description('按官方版式生成报告：HTML、Word、PDF、Markdown、纯文本\nWrite the report in the official layout (html, docx, pdf, md, txt).')
    .argument('<file>', '报告文件或标准 JSON 模型 (a report or a canonical JSON model)')
    .requiredOption('--to <format>', '输出格式 html | docx | pdf | md | txt (output format)')
    .option('-o, --out <file>', '写入文件（docx、pdf 必须指定）(write to a file; required for docx and pdf)')
    .option('--with-findings', '在报告后附上检查发现（不改动数据）(append the findings, data unchanged)')
    .action(async (file: string, opts: RenderCommandOptions) => setCode(await (await import('./render.js')).renderCommand(file, opts)));

  cli
    .command('due')
    .description('计算依申请公开的答复期限（条例第三十条、第三十三条；按工作日、节假日和调休）\nCompute the reply due date of a disclosure application, in working days.')
    .requiredOption('--received <date>', '收到申请的日期 YYYY-MM-DD (date of receipt)')
    .option('--correction-received <date>', '收到补正后申请的日期，期限重新计算 (corrected application received; restarts the clock)')
    .option('--extended', '延长20个工作日 (extended by 20 working days)')
    .option('--pause <ranges...>', '征求第三方或有关机关意见的期间 起始:结束，可多个，不计入期限 (consultation periods FROM:TO, not counted)')
    .option('--later <date>', '机关依第三十五条确定并告知的延迟答复日期 (a later reply date fixed under Art. 35)')
    .option('--calendar <file>', '某年的节假日安排：JSON 文件，或国务院办公厅通知的文本（.txt），格式见下 (a year\'s holiday arrangement)')
    .option('--json', '输出 JSON (machine-readable output)')
    .addHelpText('after', () => `\n${CALENDAR_FILE_HELP}`)
    .action(async (opts: DueCommandOptions) => setCode(await (await import('./due.js')).dueCommand(opts)));

  cli
    .command('batch')
    .description('批量读取并检查报告（多线程、可中断续跑、可分片），输出 reports.jsonl、findings.csv、cells.csv、errors.csv、summary.xlsx\nRead and check every report under folders or files, on all cores, resumably.')
    .argument('<inputs...>', '文件或文件夹 (files or folders)')
    .requiredOption('--out <dir>', '输出文件夹 (output folder)')
    .option('--shard <K/N>', '只处理按内容哈希分到第 K 片（共 N 片）的文件 (process shard K of N)')
    .option('--workers <n>', '线程数，默认为 CPU 核数 (worker threads)')
    .option('--queue [run]', '任务排入 PostgreSQL 队列（DATABASE_URL），多台机器同时运行同一命令即分担任务；任务名称默认由输入路径得出 (share the work through a queue in PostgreSQL; the run is named after the inputs by default)')
    .option('--lease <seconds>', '与 --queue 同用：任务租约秒数，进程中断后超过此时间由其他机器接手，默认 300 (lease of a queued job)')
    .action(async (inputs: string[], opts: BatchOptions & { queue?: string | true; lease?: string }) =>
      setCode(
        await (opts.queue === undefined
          ? (await import('./batch.js')).batchCommand(inputs, opts)
          : (await import('./queue.js')).batchQueueCommand(inputs, { ...opts, queue: opts.queue })),
      ),
    );

  cli
    .command('merge')
    .description('合并各分片的 batch 输出，结果与不分片一次运行完全相同\nMerge the outputs of batch shards.')
    .argument('<dirs...>', '各分片的输出文件夹 (shard output folders)')
    .requiredOption('--out <dir>', '输出文件夹 (output folder)')
    .action(async (dirs: string[], opts: { out: string }) => setCode(await (await import('./batch.js')).mergeCommand(dirs, opts)));

  cli
    .command('similar')
    .description('找出正文雷同的报告（跨机关、同一机关跨年度；MinHash + LSH，先去掉模板套话）\nFind near-duplicate narratives across bodies and years.')
    .argument('<inputs...>', '文件或文件夹 (files or folders)')
    .option('--threshold <ratio>', '相似度阈值，默认 0.8 (similarity threshold)')
    .option('--json', '输出 JSON')
    .action(async (inputs: string[], opts: { threshold?: string; json?: boolean }) => setCode(await (await import('./similar.js')).similarCommand(inputs, opts)));

  cli
    .command('rollup')
    .description('把多个机关的表二、三、四汇总为一个地区的标准模型（拒绝混加 2019 与 2021 模板）\nSum the tables of many bodies into an area\'s model.')
    .argument('<files...>', '报告文件或标准 JSON 模型 (reports or canonical models)')
    .option('--by <how>', '分组：prefix-of-unit[:N] 或 对照表 mapping.csv (group by unit prefix or a unit,area CSV)')
    .option('--unit <name>', '汇总后的地区名称 (the area\'s name)')
    .option('--expected <file>', '应报机关名单，每行一个 (bodies expected to report)')
    .option('--json', '输出 JSON')
    .action(async (files: string[], opts: { by?: string; unit?: string; expected?: string; json?: boolean }) => setCode(await (await import('./rollup.js')).rollupCommand(files, opts)));

  cli.addCommand(registerCommands(setCode));
  cli.addCommand(bodiesCommands(setCode));
  cli.addCommand(queueCommands(setCode));

  cli
    .command('rules')
    .description('列出全部检查规则（中英文）\nList every rule, in Chinese and English.')
    .option('--json', '输出 JSON (machine-readable output)')
    .action(async (opts: { json?: boolean }) => setCode(await (await import('./rules.js')).rulesCommand(opts)));

  cli
    .command('schema')
    .description('输出标准模型的 JSON Schema\nPrint the JSON Schema of the canonical model.')
    .option('-o, --out <file>', '写入文件 (write to a file)')
    .action(async (opts: { out?: string }) => setCode(await (await import('./schema.js')).schemaCommand(opts)));

  cli
    .command('demo')
    .description('解析随附的示例报告并显示摘要\nParse the bundled example reports and show a summary.')
    .argument('[dir]', '报告所在文件夹 (folder of reports)')
    .action(async (dir?: string) => setCode(await (await import('./demo.js')).demoCommand(dir)));

  cli
    .command('serve')
    .description('启动网页应用（npm start 运行它）：http://127.0.0.1:8080，数据在 ./data 或 DATABASE_URL\nStart the web application.')
    .option('-p, --port <port>', '端口，默认 8080 或 PORT (port)')
    .option('--host <host>', '监听地址，默认 127.0.0.1 (listen address)')
    .option('--data <dir>', '内嵌数据库的文件夹，默认 ./data 或 GONGKAI_DATA_DIR (data folder)')
    .option('--demo', '载入示例机关和账号 (load sample bodies and accounts)')
    .action(async (opts: ServeOptions) => setCode(await (await import('./serve.js')).serveCommand(opts)));
  return cli;
}

/** Run the CLI; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  try {
    await program((c) => (code = c)).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`gongkai: 内部错误 (internal error): ${error instanceof Error ? error.stack : String(error)}\n`);
    return 70;
  }
  return code;
}
