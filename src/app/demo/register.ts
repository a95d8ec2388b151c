/**
 * The demo's 依申请公开 register of 云岭镇: about two years of applications told as stories —
 * when it arrived, by whom, what was asked, what happened after how many working days — written
 * through the officer's and the citizen's own use cases, so every date is checked by the same
 * lifecycle as a real one. The histories end in every kind of 答复 (table 三's rows); the live
 * cases are counted back from today, so the due list has something overdue, something due soon,
 * a 补正 awaited, an extension, a consultation, a fee notice. Two appeals and table 二's figures
 * from other systems complete last year's report.
 */
import type { Channel } from '../../register/types.js';
import type { AppServices } from '../context.js';
import { submitApplication, submitCorrection, withdrawApplication } from '../public-applications.js';
import { addApplication, listApplications, recordEvent, type EventInput } from '../register/applications.js';
import { addAppeal, setFigures } from '../register/records.js';
import { DEMO_OPERATOR, YUNLING, type DemoStaff } from './accounts.js';
import type { DemoClock } from './clock.js';

type ApplicantType = 'naturalPerson' | 'commercial' | 'research' | 'publicInterest' | 'legalService' | 'otherOrg';

interface Who {
  type: ApplicantType;
  name: string;
  contact: string;
}

/** What happens `at` working days after receipt. */
type Step =
  | { at: number; kind: 'correctionRequested'; note: string }
  | { at: number; kind: 'correctionReceived' | 'extended' | 'feePaid' | 'withdrawn' }
  | { at: number; kind: 'consultation'; days: number; party: 'third-party' | 'agency' }
  | { at: number; kind: 'feeNotice'; pages: number }
  | { at: number; kind: 'replied'; outcome: string };

interface Story {
  who: Who;
  what: string;
  channel: Channel;
  steps: Step[];
}

const person = (name: string, phone: string, address: string): Who => ({ type: 'naturalPerson', name, contact: `电话 ${phone}；地址 ${address}` });
const org = (type: ApplicantType, name: string, contact: string, phone: string): Who => ({ type, name, contact: `联系人 ${contact}；电话 ${phone}` });

const WANG = person('王建国', '13908710231', '青禾县云岭镇溪口村三组12号');
const LI = person('李秀英', '13577420086', '青禾县云岭镇中街45号');
const ZHANG = person('张伟', '18213379012', '青禾县石泉街道和平路8号');
const LIU = person('刘芳', '15087214467', '青禾县云岭镇石坝村五组');
const CHEN = person('陈明', '13759061128', '青禾县云岭镇新街17号');
const ZHAO = person('赵丽华', '13658805530', '青禾县城关镇文化路3号');
const SUN = person('孙志强', '18787013349', '青禾县云岭镇溪口村一组6号');
const SHUNDA = org('commercial', '青禾县顺达建材有限公司', '周经理', '0871-66012345');
const INSTITUTE = org('research', '西南农林科学研究所', '杨老师', '0871-65123780');
const GREEN = org('publicInterest', '青禾县绿源环保志愿者协会', '何秘书长', '13988120437');
const LAWYERS = org('legalService', '青禾明理律师事务所', '吴律师', '0871-66889021');
const TEA = org('otherOrg', '云岭镇高山茶叶专业合作社', '马社长', '15925093318');

const reply = (at: number, outcome: string): Step => ({ at, kind: 'replied', outcome });

/** Closed histories, one of each kind of 答复 and the usual detours on the way. */
const HISTORIES: readonly Story[] = [
  { who: WANG, channel: 'inPerson', what: '溪口村道路硬化工程的招标公告、中标结果公示和工程验收报告', steps: [reply(9, 'granted')] },
  { who: SHUNDA, channel: 'postSigned', what: '云岭镇砂石料开采点整治工作方案及对各开采点的处理情况', steps: [reply(15, 'partlyGranted')] },
  { who: LI, channel: 'inPerson', what: '本人承包地所在地块的土地承包经营权确权登记公示材料', steps: [reply(5, 'granted')] },
  {
    who: ZHANG,
    channel: 'online',
    what: '镇内某食品加工企业报送的安全生产许可申请材料',
    steps: [{ at: 4, kind: 'consultation', days: 10, party: 'third-party' }, reply(18, 'withheld.thirdPartyRights')],
  },
  { who: LIU, channel: 'ordinaryLetter', what: '镇党委会议研究石坝村征地补偿问题的会议记录', steps: [reply(12, 'withheld.processInfo')] },
  { who: INSTITUTE, channel: 'postSigned', what: '云岭镇近三年茶叶种植面积、产量和产值的统计数据', steps: [reply(11, 'granted')] },
  { who: CHEN, channel: 'inPerson', what: '镇综合执法队对本人邻居违法建房查处的全部执法案卷', steps: [reply(14, 'withheld.enforcementFile')] },
  { who: ZHAO, channel: 'online', what: '本人在云岭镇工作期间的社会保险缴费记录', steps: [reply(6, 'withheld.adminQuery')] },
  { who: SUN, channel: 'inPerson', what: '青禾县土地利用总体规划的审批文件', steps: [reply(5, 'unavailable.notHeld')] },
  { who: LAWYERS, channel: 'postSigned', what: '溪口村集体土地征收的征地补偿安置方案及其批复文件', steps: [reply(16, 'partlyGranted')] },
  { who: WANG, channel: 'online', what: '近十年全镇每户宅基地面积的汇总统计表', steps: [reply(10, 'unavailable.needsCreation')] },
  {
    who: GREEN,
    channel: 'online',
    what: '镇污水处理站的运行维护记录和出水水质监测报告',
    steps: [{ at: 3, kind: 'consultation', days: 5, party: 'agency' }, reply(14, 'granted')],
  },
  {
    who: LIU,
    channel: 'ordinaryLetter',
    what: '关于那块地的所有文件',
    steps: [{ at: 2, kind: 'correctionRequested', note: '请写明所指地块的位置、文件名称或大致形成时间' }, { at: 8, kind: 'correctionReceived' }, reply(20, 'unavailable.unclear')],
  },
  { who: CHEN, channel: 'inPerson', what: '投诉石坝村干部在低保评定中优亲厚友，要求镇政府查处并公开处理结果', steps: [reply(8, 'notProcessed.petition')] },
  { who: TEA, channel: 'inPerson', what: '镇茶产业发展扶持资金的分配方案和发放明细', steps: [reply(8, 'granted')] },
  { who: CHEN, channel: 'inPerson', what: '镇综合执法队对本人邻居违法建房查处的执法案卷（与前次申请内容相同）', steps: [reply(4, 'notProcessed.duplicate')] },
  { who: ZHAO, channel: 'online', what: '《青禾县志（1991—2010）》全文', steps: [reply(3, 'notProcessed.publication')] },
  { who: SUN, channel: 'inPerson', what: '要求镇政府书面确认本人已取得的房屋拆迁补偿协议真实有效并重新盖章', steps: [reply(7, 'notProcessed.confirmation')] },
  {
    who: ZHANG,
    channel: 'online',
    what: '镇里的项目资料',
    steps: [{ at: 3, kind: 'correctionRequested', note: '请写明项目名称或文件名称、文号' }, reply(20, 'otherHandling.noCorrection')],
  },
  {
    who: SHUNDA,
    channel: 'postSigned',
    what: '2019年以来全镇所有政府投资项目的预算、招标、合同和结算资料',
    steps: [{ at: 3, kind: 'feeNotice', pages: 80 }, reply(19, 'otherHandling.feeUnpaid')],
  },
  {
    who: LAWYERS,
    channel: 'postSigned',
    what: '石坝村农村集体经营性建设用地入市的全部审批材料',
    steps: [{ at: 4, kind: 'feeNotice', pages: 45 }, { at: 7, kind: 'feePaid' }, reply(12, 'granted')],
  },
  { who: INSTITUTE, channel: 'online', what: '云岭镇高标准农田建设项目的实施方案和竣工验收资料', steps: [{ at: 18, kind: 'extended' }, reply(30, 'granted')] },
  { who: LI, channel: 'inPerson', what: '中街农贸市场改造的设计方案和补偿标准', steps: [{ at: 5, kind: 'withdrawn' }] },
  { who: WANG, channel: 'inPerson', what: '镇政府机关食堂的采购台账和工作人员考勤记录', steps: [reply(9, 'withheld.internalAffairs')] },
  { who: GREEN, channel: 'online', what: '镇垃圾中转站选址的论证材料和环境影响评价文件', steps: [reply(23, 'granted')] },
];

/** Received in one year, answered in the next: what makes 结转 and 上年结转. */
const ACROSS_YEAR: readonly Story[] = [
  { who: TEA, channel: 'postSigned', what: '云岭镇冬春茶园管护补贴的申报条件和补贴标准', steps: [reply(14, 'granted')] },
  { who: SUN, channel: 'inPerson', what: '溪口村饮水安全巩固提升工程的资金来源和使用情况', steps: [reply(12, 'partlyGranted')] },
];

/** An application received `ago` working days ago and what has happened to it so far. */
interface LiveCase extends Story {
  ago: number;
  /** Submitted online by the applicant (query code, online 补正 and withdrawal). */
  online?: boolean;
}

/** The open work of today, and the last few answers. */
const LIVE: readonly LiveCase[] = [
  { ago: 2, who: CHEN, channel: 'inPerson', what: '云岭镇2026年农村危房改造补助对象名单及补助标准', steps: [] },
  { ago: 3, online: true, who: ZHAO, channel: 'online', what: '镇卫生院改扩建项目的立项批复和资金安排', steps: [] },
  { ago: 16, who: INSTITUTE, channel: 'postSigned', what: '云岭镇耕地保护目标责任书及年度考核结果', steps: [] },
  { ago: 19, who: LIU, channel: 'ordinaryLetter', what: '石坝村村务监督委员会选举结果的公告', steps: [] },
  { ago: 24, who: WANG, channel: 'inPerson', what: '溪口村集体资金收支明细和村务公开栏张贴记录', steps: [] },
  { ago: 45, who: LAWYERS, channel: 'postSigned', what: '镇区排水管网改造工程的施工许可和竣工验收资料', steps: [{ at: 16, kind: 'extended' }] },
  { ago: 30, who: GREEN, channel: 'online', what: '云岭河河道采砂规划和禁采区划定文件', steps: [{ at: 18, kind: 'extended' }] },
  { ago: 6, online: true, who: SUN, channel: 'online', what: '那个补偿的文件', steps: [{ at: 2, kind: 'correctionRequested', note: '请写明补偿事项的名称、所涉地块或文件的文号' }] },
  {
    ago: 12,
    online: true,
    who: LI,
    channel: 'online',
    what: '中街的改造方案',
    steps: [{ at: 3, kind: 'correctionRequested', note: '请写明所需方案的名称或形成时间' }, { at: 5, kind: 'correctionReceived' }],
  },
  { ago: 10, who: SHUNDA, channel: 'postSigned', what: '镇内砂石料运输车辆超载治理的联合执法通报', steps: [{ at: 3, kind: 'consultation', days: 5, party: 'third-party' }] },
  { ago: 8, who: TEA, channel: 'inPerson', what: '2024年以来全镇茶叶质量抽检的全部检测报告', steps: [{ at: 5, kind: 'feeNotice', pages: 60 }] },
  { ago: 9, online: true, who: ZHANG, channel: 'online', what: '镇文化站图书室的藏书目录和开放时间', steps: [{ at: 4, kind: 'withdrawn' }] },
  { ago: 25, who: WANG, channel: 'inPerson', what: '溪口村人居环境整治项目的验收报告和资金拨付记录', steps: [reply(12, 'partlyGranted')] },
  { ago: 40, who: INSTITUTE, channel: 'online', what: '云岭镇2025年地质灾害隐患点排查清单和防治方案', steps: [{ at: 19, kind: 'extended' }, reply(35, 'granted')] },
];

// ---------------------------------------------------------------------------------------------

/** A fictitious resident ID number with a correct check character (GB 11643). */
function residentId(serial: number): string {
  const body = `53012719${String(70 + (serial % 25)).padStart(2, '0')}0${(serial % 9) + 1}1${serial % 10}${String(100 + serial).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11]!;
}

const phoneOf = (who: Who) => /电话 ([\d-]+)/.exec(who.contact)![1]!;

function eventOf(step: Step, on: string, clock: DemoClock, received: string): EventInput {
  switch (step.kind) {
    case 'consultation':
      return { kind: 'consultation', from: on, to: clock.after(on, step.days), party: step.party };
    case 'extended':
      return { kind: 'extended', on, approvedBy: '镇政务公开工作领导小组办公室主任' };
    case 'feeNotice':
      return { kind: 'feeNotice', on, method: 'perVolume', pages: step.pages };
    case 'replied':
      return { kind: 'replied', on, outcome: step.outcome, letterNo: `云政信复〔${received.slice(0, 4)}〕${on.slice(5, 7)}${on.slice(8)}号` };
    case 'correctionRequested':
      return { kind: 'correctionRequested', on, note: step.note };
    default:
      return { kind: step.kind, on };
  }
}

/** Log one story received on `received` and record its steps that have already happened. */
async function tell(s: AppServices, staff: DemoStaff, clock: DemoClock, story: Story, received: string): Promise<void> {
  const { id } = await addApplication(s, staff.officer, {
    bodyId: YUNLING.id,
    applicant: { type: story.who.type, name: story.who.name, contact: story.who.contact },
    description: story.what,
    form: '纸质',
    delivery: story.channel === 'postSigned' || story.channel === 'ordinaryLetter' ? '邮寄' : '自行领取',
    channel: story.channel,
    arrivedOn: received,
    signedForOn: received,
    confirmedOn: received,
  });
  for (const step of story.steps) {
    const on = clock.after(received, step.at);
    // A story older than the demo's today has only happened so far.
    if (on > clock.today || (step.kind === 'consultation' && clock.after(on, step.days) > clock.today)) return;
    await recordEvent(s, staff.officer, { id, event: eventOf(step, on, clock, received) });
  }
}

/** The same story, applied for online by the applicant, who corrects and withdraws online too. */
async function tellOnline(s: AppServices, staff: DemoStaff, clock: DemoClock, story: LiveCase, serial: number): Promise<void> {
  const received = clock.ago(story.ago);
  const submitted = await submitApplication(clock.on(s, received), 'demo', {
    bodyId: YUNLING.id,
    applicantType: story.who.type,
    name: story.who.name,
    idKind: 'resident',
    idNumber: residentId(serial),
    phone: phoneOf(story.who),
    description: story.what,
    form: 'paper',
    delivery: 'pickup',
  });
  if (!submitted.ok) throw new Error(`示例申请未能提交：${submitted.error}`);
  const { id, queryCode: code } = submitted.submitted;
  for (const step of story.steps) {
    const on = clock.after(received, step.at);
    if (on > clock.today) return;
    const then = clock.on(s, on);
    if (step.kind === 'correctionReceived') await submitCorrection(then, 'demo', { id, code, text: '所需方案为中街农贸市场及周边道路改造的设计方案，约于去年秋季形成' });
    else if (step.kind === 'withdrawn') await withdrawApplication(then, 'demo', { id, code });
    else await recordEvent(s, staff.officer, { id, event: eventOf(step, on, clock, received) });
  }
}

/** `count` working days spread evenly from `from` to `to`. */
function spread(clock: DemoClock, from: string, to: string, count: number): string[] {
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  return Array.from({ length: count }, (_, i) => clock.workday(new Date(start + (span * i) / Math.max(1, count - 1)).toISOString().slice(0, 10)));
}

/** The register of 云岭镇, unless it already holds applications. */
export async function demoRegister(s: AppServices, staff: DemoStaff, clock: DemoClock): Promise<boolean> {
  if ((await listApplications(s, staff.officer, { bodyId: YUNLING.id })).total > 0) return false;
  const { lastYear } = clock;
  // Histories from early last year until six weeks ago, in order of receipt (numbers follow it).
  const dated: { story: Story; received: string }[] = [
    { story: ACROSS_YEAR[0]!, received: clock.workday(`${lastYear - 1}-12-22`) },
    ...spread(clock, `${lastYear}-01-08`, clock.ago(30), HISTORIES.length).map((received, i) => ({ story: HISTORIES[i]!, received })),
    { story: ACROSS_YEAR[1]!, received: clock.workday(`${lastYear}-12-24`) },
  ].filter((d) => d.received <= clock.ago(30));
  const live = LIVE.map((story) => ({ story, received: clock.ago(story.ago) }));
  const all = [...dated, ...live].sort((a, b) => a.received.localeCompare(b.received));
  let serial = 0;
  for (const { story, received } of all) {
    if ('online' in story && story.online) await tellOnline(s, staff, clock, story as LiveCase, ++serial);
    else await tell(s, staff, clock, story, received);
  }
  await appeals(s, clock);
  await setFigures(s, staff.officer, { bodyId: YUNLING.id, year: lastYear, figures: { licensing: 36, penalty: 4, coercion: 0, feesAmount: 0 } });
  return true;
}

/** Two cases from last year (one upheld, one still before the court) and a reconsideration this year. */
async function appeals(s: AppServices, clock: DemoClock): Promise<void> {
  const { lastYear, year } = clock;
  const cases = [
    { id: `云岭镇-复议-${lastYear}-1`, kind: 'reconsideration' as const, filedOn: clock.workday(`${lastYear}-05-18`), decided: { on: clock.workday(`${lastYear}-07-10`), result: 'upheld' as const } },
    { id: `云岭镇-诉讼-${lastYear}-1`, kind: 'litigationDirect' as const, filedOn: clock.workday(`${lastYear}-10-12`) },
    { id: `云岭镇-复议-${year}-1`, kind: 'reconsideration' as const, filedOn: clock.ago(50), decided: { on: clock.ago(20), result: 'corrected' as const } },
  ];
  for (const appeal of cases) {
    if (appeal.filedOn > clock.today || (appeal.decided && appeal.decided.on > clock.today)) continue;
    await addAppeal(s, DEMO_OPERATOR, { bodyId: YUNLING.id, appeal });
  }
}
