/**
 * The demo's 主动公开 of 云岭镇 and its opinion box, through the back office's and the public's
 * use cases, under the default review chain (拟稿 → 初审 → 终审 → 保密审查, the two reviewers taking
 * the steps in turn, as the default policy lets a small office do), items published over the year (three 行政规范性文件 — in force, recent, not yet in
 * force — a 政策解读, notices, budget, plans, last year's annual report), one withheld and one
 * 依申请公开 item, and items at each step of the chain: a draft, one at 初审, one at 终审, one sent
 * back, one whose 20-working-day clock has run out. Opinions from the public, most answered.
 */
import type { SessionUser } from '../../accounts/permissions.js';
import { createItem, listItems, reviewItem, submitItem } from '../catalogue/index.js';
import type { ItemInput } from '../catalogue/items.js';
import type { AppServices } from '../context.js';
import { answerOpinion, listOpinions, submitOpinion } from '../opinions.js';
import { YUNLING, type DemoStaff } from './accounts.js';
import type { DemoClock } from './clock.js';

type Draft = Omit<ItemInput, 'madeOn' | 'disclosure' | 'channels'> & Partial<Pick<ItemInput, 'disclosure' | 'channels'>>;

/** Where an item's story ends: published (or approved) on a day, at a step of the chain, sent back, or a draft. */
type Fate = { published: string } | { atStep: 1 | 2; submitted: string } | { rejected: string; comment: string } | { draft: true };

const WEB = ['门户网站'];
const WEB_AND_BOARD = ['门户网站', '公开栏/公共查阅点'];

/** Draft `item` as made on `madeOn`, then take it as far as its fate says, each step on its day. */
async function story(s: AppServices, staff: DemoStaff, clock: DemoClock, madeOn: string, item: Draft, fate: Fate): Promise<number> {
  const input: ItemInput = { disclosure: 'proactive', channels: WEB, ...item, madeOn };
  const { id } = await createItem(clock.on(s, madeOn), staff.officer, YUNLING.id, input);
  if ('draft' in fate) return id;
  const day = 'published' in fate ? fate.published : 'submitted' in fate ? fate.submitted : fate.rejected;
  const then = clock.on(s, day);
  let detail = await submitItem(then, staff.officer, id, {});
  if ('rejected' in fate) {
    await reviewItem(then, staff.reviewer, id, { step: detail.chain.step, decision: 'reject', comment: fate.comment });
    return id;
  }
  const reviewers: SessionUser[] = [staff.reviewer, staff.reviewer2];
  const stopAt = 'atStep' in fate ? fate.atStep : Infinity;
  for (let turn = 0; detail.chain.phase === 'inReview' && detail.chain.step < stopAt; turn++) {
    const reviewer = reviewers[turn % reviewers.length]!;
    detail = await reviewItem(then, reviewer, id, { step: detail.chain.step, decision: 'approve', comment: turn === 0 ? '内容准确，同意报送' : '同意公开' });
  }
  return id;
}

/** The catalogue of 云岭镇, unless it already holds items. */
export async function demoCatalogue(s: AppServices, staff: DemoStaff, clock: DemoClock): Promise<boolean> {
  const { officer } = staff;
  if ((await listItems(s, officer, YUNLING.id, {})).total > 0) return false;
  const { lastYear, ago, workday, after } = clock;
  const tell = (madeOn: string, item: Draft, fate: Fate) => story(s, staff, clock, madeOn, item, fate);
  const published = (madeOn: string, days: number): Fate => ({ published: after(madeOn, days) });

  const reportDay = workday(`${lastYear}-01-16`);
  await tell(reportDay, {
    title: `青禾县云岭镇人民政府${lastYear - 1}年政府信息公开工作年度报告`,
    summary: `${lastYear - 1}年云岭镇主动公开、依申请公开、监督保障等工作情况和存在的问题。`,
    content: '',
    topic: '综合政务',
    docType: '年度报告',
    channels: WEB_AND_BOARD,
  }, published(reportDay, 5));

  const pactDay = workday(`${lastYear}-03-10`);
  await tell(pactDay, {
    title: '云岭镇村规民约备案审查办法',
    summary: '规定各村（社区）村规民约的制定程序、备案材料和镇政府的审查要点，审查结果在十五个工作日内书面反馈。',
    content: '第一条 为规范村规民约的制定和备案工作，依据有关法律法规，结合本镇实际，制定本办法。',
    docNo: `云政规〔${lastYear}〕1号`,
    topic: '民政',
    docType: '行政规范性文件',
    effectiveOn: `${lastYear}-04-15`,
    channels: WEB_AND_BOARD,
  }, published(pactDay, 6));

  const floodDay = workday(`${lastYear}-05-20`);
  await tell(floodDay, {
    title: '关于做好汛期地质灾害防范工作的通知',
    summary: '要求各村落实汛期值班制度，对已查明的地质灾害隐患点逐一明确监测责任人，遇强降雨及时组织群众转移。',
    content: '',
    docNo: `云政发〔${lastYear}〕12号`,
    topic: '应急管理',
    docType: '通知公告',
    channels: ['门户网站', '政务新媒体'],
  }, published(floodDay, 2));

  const plan = ago(170);
  await tell(plan, {
    title: `云岭镇${plan.slice(0, 4)}年政务公开工作要点`,
    summary: '明确本年度政策文件公开、重点领域信息公开、政策解读和依申请公开办理等方面的工作任务和责任分工。',
    content: '',
    topic: '综合政务',
    docType: '规划计划',
  }, published(plan, 4));

  const budget = ago(150);
  await tell(budget, {
    title: `云岭镇${budget.slice(0, 4)}年部门预算`,
    summary: '公开本镇一般公共预算收支总表、财政拨款支出表、“三公”经费预算及有关情况说明。',
    content: '',
    topic: '财政金融审计',
    docType: '财政预决算',
  }, published(budget, 3));

  const relief = ago(120);
  const reliefId = await tell(relief, {
    title: '云岭镇临时救助实施办法',
    summary: '规定临时救助的对象、标准、申请审批程序和急难情形下的先行救助，救助金原则上在五个工作日内发放。',
    content: '第一条 为及时帮助因突发情况陷入基本生活困境的群众，依据有关规定，制定本办法。',
    docNo: `云政规〔${relief.slice(0, 4)}〕1号`,
    topic: '民政',
    docType: '行政规范性文件',
    effectiveOn: after(relief, 20),
    channels: WEB_AND_BOARD,
  }, published(relief, 5));

  const explain = after(relief, 5);
  await tell(explain, {
    title: '《云岭镇临时救助实施办法》政策解读',
    summary: '用问答的方式说明谁可以申请临时救助、到哪里申请、需要哪些材料、多长时间能拿到救助金。',
    content: '',
    topic: '民政',
    docType: '政策解读',
    interpretationOf: reliefId,
  }, published(explain, 1));

  const hire = ago(90);
  await tell(hire, {
    title: '云岭镇公开招聘村级后备干部公告',
    summary: '面向本镇户籍的高校毕业生和返乡青年招聘村级后备干部8名，公告报名条件、程序和时间安排。',
    content: '',
    topic: '劳动就业',
    docType: '人事信息',
    channels: ['门户网站', '政务新媒体', '公开栏/公共查阅点'],
  }, published(hire, 2));

  const tea = ago(60);
  await tell(tea, {
    title: '云岭镇召开秋茶管护现场推进会',
    summary: '镇农业综合服务中心在溪口村茶园现场讲解修剪、施肥和病虫害绿色防控技术，80余户茶农参加。',
    content: '',
    topic: '农业农村',
    docType: '工作动态',
    channels: ['政务新媒体'],
  }, published(tea, 1));

  const assets = ago(25);
  await tell(assets, {
    title: '云岭镇农村集体资产管理办法',
    summary: '规范村集体资产的清查登记、经营发包、收益分配和监督公开，自下一年度起施行。',
    content: '第一条 为加强农村集体资产管理，保护集体经济组织及其成员的合法权益，制定本办法。',
    docNo: `云政规〔${assets.slice(0, 4)}〕2号`,
    topic: '农业农村',
    docType: '行政规范性文件',
    effectiveOn: `${clock.year + 1}-01-01`,
    channels: WEB_AND_BOARD,
  }, published(assets, 8));

  const minutes = ago(70);
  await tell(minutes, {
    title: `镇党政联席会议纪要（${minutes.slice(0, 4)}年第5次）`,
    summary: '研究石坝村征地补偿方案调整等事项的过程性讨论记录。',
    content: '',
    topic: '综合政务',
    docType: '其他文件',
    disclosure: 'withheld',
    withheldGround: 'art16b',
  }, published(minutes, 3));

  const petitions = ago(55);
  await tell(petitions, {
    title: '云岭镇第三季度信访事项办理情况汇总',
    summary: '按事项类别统计的信访件数、办结件数和群众满意率。',
    content: '',
    topic: '公共安全',
    docType: '其他文件',
    disclosure: 'onRequest',
  }, published(petitions, 4));

  // The work in hand: late, at each step, sent back, not yet submitted.
  const late = ago(26);
  await tell(late, {
    title: '云岭镇第三季度财政收支情况',
    summary: '本季度一般公共预算收入、支出及主要支出项目的执行进度。',
    content: '',
    topic: '财政金融审计',
    docType: '财政预决算',
  }, { atStep: 1, submitted: ago(2) });
  const irrigation = ago(5);
  await tell(irrigation, {
    title: '云岭镇秋冬季农田水利基本建设实施方案',
    summary: '安排山塘清淤、渠道防渗和高效节水灌溉项目共14个，明确完成时限和资金来源。',
    content: '',
    topic: '水利',
    docType: '规划计划',
  }, { atStep: 1, submitted: ago(3) });
  const elderly = ago(9);
  await tell(elderly, {
    title: '云岭镇高龄老人生活补贴发放情况公示',
    summary: '公示本季度享受高龄生活补贴的人数、补贴标准和发放总额，接受群众监督。',
    content: '',
    topic: '民政',
    docType: '通知公告',
    channels: WEB_AND_BOARD,
  }, { atStep: 2, submitted: ago(4) });
  const river = ago(7);
  await tell(river, {
    title: '关于云岭河综合治理项目征求意见的公告',
    summary: '就云岭河镇区段堤岸整治和滨河步道建设方案公开征求沿河居民意见。',
    content: '',
    topic: '生态环境',
    docType: '通知公告',
  }, { rejected: ago(5), comment: '公告缺少意见反馈的截止日期和联系方式，请补充后重新提交' });
  const garbage = ago(17);
  await tell(garbage, {
    title: '云岭镇农村生活垃圾收运时间调整的通知',
    summary: '自下月起各村生活垃圾收运改为每周二、周五两次，请村民按时投放。',
    content: '',
    topic: '城乡建设',
    docType: '通知公告',
  }, { draft: true });
  await tell(ago(1), {
    title: '关于做好冬季森林防火工作的通知',
    summary: '',
    content: '',
    topic: '应急管理',
    docType: '通知公告',
  }, { draft: true });
  return true;
}

/** Opinions from the public over the year, all but the newest answered a few working days later. */
const OPINIONS = [
  { ago: 160, kind: 'suggestion', subject: '建议公开村级公益事业一事一议项目', text: '建议镇政府把各村一事一议财政奖补项目的名单、资金和验收情况在门户网站上集中公开，方便群众查看。', name: '赵丽华', answerIn: 6, answer: '感谢您的建议。我镇已在门户网站“重点领域信息公开”栏目增设一事一议项目专栏，今后项目批复和验收结果均在形成后20个工作日内公开。' },
  { ago: 110, kind: 'complaint', subject: '申请答复超过期限', text: '我上个月提交的政府信息公开申请至今没有收到答复，也没有收到延期通知，请尽快处理。', name: '王建国', contact: '13908710231', answerIn: 3, answer: '经核查，您的申请因登记环节遗漏未按期办理，我镇已于本周作出答复并向您致歉，同时对经办流程进行了整改。' },
  { ago: 75, kind: 'suggestion', subject: '政策文件能否附上解读', text: '镇里出台的救助、补贴类文件专业术语较多，建议同时发布通俗易懂的政策解读，最好有办事流程图。', answerIn: 8, answer: '您的建议已采纳。《云岭镇临时救助实施办法》已配发政策解读，今后涉及群众切身利益的文件均同步发布解读材料。' },
  { ago: 40, kind: 'report', subject: '公开栏内容长期未更新', text: '石坝村村务公开栏的财务公开表还是去年的内容，已经好几个月没有更新了，请镇里督促。', name: '刘芳', answerIn: 5, answer: '镇纪委和农经站已到石坝村核实，督促该村于三个工作日内更新公开栏内容，并将在季度检查中持续跟踪。' },
  { ago: 2, kind: 'suggestion', subject: '希望增加网上查询申请进度的说明', text: '第一次在网上申请政府信息公开，不太清楚拿到查询码以后在哪里查进度，希望在页面上写得更明白一些。' },
] as const;

/** The opinion box of 云岭镇, unless it already holds opinions. */
export async function demoOpinions(s: AppServices, staff: DemoStaff, clock: DemoClock): Promise<boolean> {
  if ((await listOpinions(s, staff.officer, YUNLING.id, {})).opinions.length > 0) return false;
  for (const o of OPINIONS) {
    const receivedOn = clock.ago(o.ago);
    const sent = await submitOpinion(clock.on(s, receivedOn), 'demo', {
      bodyId: YUNLING.id,
      kind: o.kind,
      subject: o.subject,
      text: o.text,
      ...('name' in o ? { name: o.name } : {}),
      ...('contact' in o ? { contact: o.contact } : {}),
    });
    if (!('refNo' in sent)) throw new Error(`示例意见未能提交：${o.subject}`);
    if ('answer' in o) await answerOpinion(clock.on(s, clock.after(receivedOn, o.answerIn)), staff.officer, YUNLING.id, sent.refNo, o.answer);
  }
  return true;
}
