/**
 * `gongkai register …`: the disclosure register from the command line, kept in the embedded
 * database (./data, or GONGKAI_DATA_DIR) or in PostgreSQL (DATABASE_URL). Each command calls the
 * same use case as the web (src/app/register, src/app/admin.ts) as the local operator, audited
 * under the OS user name (GONGKAI_USER overrides it).
 *
 * Only commander and types are imported here: the use cases, the database, the spreadsheet and
 * the renderers load inside the action that needs them, so other commands start without them.
 */
import { Command } from 'commander';
import type { Actor } from '../accounts/permissions.js';
import type { AppServices } from '../app/context.js';
import type { EventInput } from '../app/register/applications.js';
import type { OutputFormat } from '../render/render.js';

/** Run a register action as the operator: a refused one prints its reason and exits 2; nothing is written. */
async function act(work: (s: AppServices, actor: Actor) => Promise<void>): Promise<number> {
  const [{ withServices }, { operator }, { RegisterError }, { Refusal }, { complain }] = await Promise.all([
    import('./services.js'),
    import('../accounts/permissions.js'),
    import('../register/lifecycle.js'),
    import('../app/errors.js'),
    import('./io.js'),
  ]);
  try {
    await withServices((s) => work(s, operator(process.env.GONGKAI_USER ?? process.env.USER ?? 'cli')));
    return 0;
  } catch (error) {
    if (error instanceof RegisterError || error instanceof Refusal) {
      complain('register', error.message);
      return 2;
    }
    throw error;
  }
}

const applications = () => import('../app/register/applications.js');
const records = () => import('../app/register/records.js');

interface EventOptions {
  on?: string;
  to?: string;
  outcome?: string;
  approvedBy?: string;
  party?: 'third-party' | 'agency';
  amount?: string;
  method?: 'perApplication' | 'perVolume';
  pages?: string;
}

async function eventOf(kind: string, o: EventOptions): Promise<EventInput> {
  const on = o.on ?? '';
  switch (kind) {
    case 'replied':
      return { kind, on, outcome: o.outcome ?? '' };
    case 'withdrawn':
    case 'correctionReceived':
    case 'correctionRequested':
    case 'feePaid':
      return { kind, on };
    case 'extended':
      return { kind, on, approvedBy: o.approvedBy ?? '' };
    case 'consultation':
      return { kind, from: on, to: o.to ?? on, party: o.party ?? 'third-party' };
    case 'feeNotice':
      return {
        kind,
        on,
        method: o.method ?? 'perApplication',
        ...(o.pages !== undefined ? { pages: Number(o.pages) } : {}),
        ...(o.amount !== undefined ? { amountYuan: Number(o.amount) } : {}),
      };
    default: {
      const { RegisterError } = await import('../register/lifecycle.js');
      throw new RegisterError(`未知的事件“${kind}”；可用：replied、withdrawn、correctionRequested、correctionReceived、extended、consultation、feeNotice、feePaid`);
    }
  }
}

export function registerCommands(setCode: (code: number) => void): Command {
  const cmd = new Command('register').description('依申请公开台账（内嵌数据库 ./data，或 DATABASE_URL 指定的 PostgreSQL）\nThe disclosure register.');

  cmd
    .command('body <id> <name>')
    .description('登记本机关 (register a body)')
    .action(async (id: string, name: string) => setCode(await act(async (s, actor) => (await import('../app/admin.js')).saveBody(s, actor, { id, name }))));

  cmd
    .command('add')
    .description('登记一件政府信息公开申请 (register an application)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .requiredOption('--id <id>', '申请编号 (application number)')
    .requiredOption('--type <type>', '申请人类型：naturalPerson commercial research publicInterest legalService otherOrg')
    .requiredOption('--name <name>', '申请人姓名或名称 (applicant)')
    .requiredOption('--received <date>', '收到申请的日期（条例第三十一条）YYYY-MM-DD')
    .requiredOption('--description <text>', '所需信息的名称、文号或描述 (what is asked for)')
    .option('--channel <channel>', '渠道：inPerson postSigned ordinaryLetter online fax', 'online')
    .action(async (o: { body: string; id: string; type: string; name: string; received: string; description: string; channel: string }) =>
      setCode(
        await act(async (s, actor) => {
          await (await applications()).addApplication(s, actor, {
            bodyId: o.body,
            id: o.id,
            applicant: { type: o.type, name: o.name },
            description: o.description,
            channel: o.channel,
            receivedOn: o.received,
          });
        }),
      ),
    );

  cmd
    .command('event <id> <kind>')
    .description('记录办理事件：replied withdrawn correctionRequested correctionReceived extended consultation feeNotice feePaid')
    .requiredOption('--on <date>', '日期 YYYY-MM-DD（征求意见为开始日期）')
    .option('--to <date>', '征求意见结束日期 (consultation end)')
    .option('--outcome <row>', '答复结果：表三的行，如 granted、partlyGranted、withheld.stateSecret')
    .option('--approved-by <name>', '延期批准人 (who approved the extension)')
    .option('--party <party>', '征求意见对象 third-party | agency')
    .option('--amount <yuan>', '收费金额（元）：按《信息处理费管理办法》计算，填写时须与计算结果一致')
    .option('--method <method>', '计费方式 perApplication | perVolume')
    .option('--pages <n>', '按量计收：提供的页数 (pages provided, per volume)')
    .action(async (id: string, kind: string, o: EventOptions) =>
      setCode(
        await act(async (s, actor) => {
          await (await applications()).recordEvent(s, actor, { id, event: await eventOf(kind, o) });
        }),
      ),
    );

  cmd
    .command('list')
    .description('未办结的申请及其答复期限，最紧的在前 (open applications, soonest due first)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .option('--json', '输出 JSON')
    .action(async (o: { body: string; json?: boolean }) =>
      setCode(
        await act(async (s, actor) => {
          const open = await (await applications()).openApplications(s, actor, { bodyId: o.body });
          const { writeOutput } = await import('./io.js');
          if (o.json) {
            await writeOutput(undefined, `${JSON.stringify(open.map((x) => ({ id: x.application.id, receivedOn: x.application.receivedOn, ...x.due })), null, 2)}\n`);
            return;
          }
          const lines = open.map((x) => `${x.application.id}  收到 ${x.application.receivedOn}  答复期限 ${x.due.due}${x.due.provisional ? '（临时）' : ''}  ${x.application.description}`);
          await writeOutput(undefined, `${lines.length ? lines.join('\n') : '没有未办结的申请'}\n`);
        }),
      ),
    );

  cmd
    .command('appeal')
    .description('登记行政复议或行政诉讼 (register a reconsideration or a lawsuit)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .requiredOption('--id <id>', '案件编号 (case number)')
    .requiredOption('--kind <kind>', 'reconsideration | litigationDirect | litigationAfterReconsideration')
    .requiredOption('--filed <date>', '申请复议或起诉的日期 YYYY-MM-DD')
    .option('--application <id>', '相关申请编号 (the application it concerns)')
    .option('--decided <date>', '结案日期 (decided on)')
    .option('--result <result>', '结果 upheld | corrected | other')
    .action(async (o: { body: string; id: string; kind: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration'; filed: string; application?: string; decided?: string; result?: 'upheld' | 'corrected' | 'other' }) =>
      setCode(
        await act(async (s, actor) =>
          (await records()).addAppeal(s, actor, {
            bodyId: o.body,
            appeal: {
              id: o.id,
              kind: o.kind,
              filedOn: o.filed,
              ...(o.application ? { applicationId: o.application } : {}),
              ...(o.decided && o.result ? { decided: { on: o.decided, result: o.result } } : {}),
            },
          }),
        ),
      ),
    );

  cmd
    .command('document')
    .description('登记规章或行政规范性文件（现行有效数由制发、废止日期推出）(a rule or normative document)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .requiredOption('--id <id>', '文号或编号 (number)')
    .requiredOption('--kind <kind>', 'regulations | normativeDocuments')
    .requiredOption('--title <title>', '名称 (title)')
    .requiredOption('--issued <date>', '制发日期 YYYY-MM-DD')
    .option('--repealed <date>', '废止日期 YYYY-MM-DD')
    .action(async (o: { body: string; id: string; kind: 'regulations' | 'normativeDocuments'; title: string; issued: string; repealed?: string }) =>
      setCode(
        await act(async (s, actor) =>
          (await records()).addDocument(s, actor, {
            bodyId: o.body,
            document: { id: o.id, kind: o.kind, title: o.title, issuedOn: o.issued, ...(o.repealed ? { repealedOn: o.repealed } : {}) },
          }),
        ),
      ),
    );

  cmd
    .command('figures')
    .description('填写表二中来自其他系统的数字 (table 二 figures from other systems)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .requiredOption('--year <year>', '年度 (year)')
    .requiredOption('--licensing <n>', '行政许可处理决定数量')
    .requiredOption('--penalty <n>', '行政处罚处理决定数量')
    .requiredOption('--coercion <n>', '行政强制处理决定数量')
    .requiredOption('--fees <wan>', '行政事业性收费金额（万元）')
    .action(async (o: { body: string; year: string; licensing: string; penalty: string; coercion: string; fees: string }) =>
      setCode(
        await act(async (s, actor) =>
          (await records()).setFigures(s, actor, {
            bodyId: o.body,
            year: Number(o.year),
            figures: { licensing: Number(o.licensing), penalty: Number(o.penalty), coercion: Number(o.coercion), feesAmount: Number(o.fees) },
          }),
        ),
      ),
    );

  cmd
    .command('export')
    .description('导出台账为 Excel (export the register as Excel)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .requiredOption('-o, --out <file>', '输出文件 .xlsx')
    .action(async (o: { body: string; out: string }) =>
      setCode(
        await act(async (s, actor) => {
          // The operator holds the database itself: the export is unmasked, and audited as such.
          const { bytes } = await (await applications()).exportApplications(s, actor, { bodyId: o.body, unmasked: true });
          const { writeFile } = await import('node:fs/promises');
          await writeFile(o.out, bytes);
        }),
      ),
    );

  cmd
    .command('import <file>')
    .description('从 Excel 台账导入申请（逐行按法定顺序检查，有错则全部不导入）(import an Excel register)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .action(async (file: string, o: { body: string }) =>
      setCode(
        await act(async (s, actor) => {
          const { readFile } = await import('node:fs/promises');
          await (await records()).importApplications(s, actor, { bodyId: o.body, bytes: new Uint8Array(await readFile(file)) });
        }),
      ),
    );

  cmd
    .command('report')
    .description('由台账生成年度报告 (the year\'s annual report from the register)')
    .requiredOption('--body <id>', '机关编号 (body)')
    .requiredOption('--year <year>', '报告年度 (report year)')
    .option('--to <format>', '输出格式 json | html | docx | pdf | md | txt', 'json')
    .option('-o, --out <file>', '写入文件 (write to a file)')
    .action(async (o: { body: string; year: string; to: string; out?: string }) =>
      setCode(
        await act(async (s, actor) => {
          const report = await (await records()).annualReportOf(s, actor, { bodyId: o.body, year: Number(o.year) });
          const { writeOutput } = await import('./io.js');
          if (o.to === 'json') return writeOutput(o.out, `${JSON.stringify(report, null, 2)}\n`);
          const [{ render, OUTPUT_FORMATS }, { htmlToPdf }, { RegisterError }] = await Promise.all([
            import('../render/render.js'),
            import('../adapters/chromium.js'),
            import('../register/lifecycle.js'),
          ]);
          if (!OUTPUT_FORMATS.includes(o.to as OutputFormat)) throw new RegisterError(`不支持的输出格式“${o.to}”`);
          const bytes = await render(report, o.to as OutputFormat, {}, { htmlToPdf });
          if (o.out) {
            const { writeFile } = await import('node:fs/promises');
            await writeFile(o.out, bytes);
          } else process.stdout.write(bytes);
        }),
      ),
    );
  return cmd;
}
