/**
 * The 政府信息公开指南 (条例 第十二条) of one body, generated from the body's own settings: the
 * disclosure office's name, address, hours, phone, fax, e-mail and website, the channels for
 * applications, and whom to complain to. Pure data in, a structured text out, so the guide page,
 * its tests and any export say the same thing.
 *
 * The text follows the usual structure of published guides: 一、主动公开 (范围, 形式, 时限),
 * 二、依申请公开 (受理机构, 申请方式, 申请内容, 处理和答复期限, 收费), 三、监督和救济, and the annual
 * report. Legal periods are quoted from the 条例 (2019), the fee measures 国办函〔2020〕109号,
 * the 行政复议法 (2023) 第二十条 and the 行政诉讼法 第四十六条.
 */
import { isEmail, isPhone } from '../register/public-form.js';

export const GUIDE_TEXT_FIELDS = [
  { key: 'officeName', label: '政府信息公开工作机构', hint: '负责本机关政府信息公开日常工作的机构，例如“青禾县云岭镇党政综合办公室”', max: 100 },
  { key: 'address', label: '办公地址', hint: '受理申请、提供查阅的地点', max: 200 },
  { key: 'postalCode', label: '邮政编码', hint: '6位数字', max: 6 },
  { key: 'officeHours', label: '办公时间', hint: '例如“工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）”', max: 200 },
  { key: 'phone', label: '联系电话', hint: '带区号的固定电话或手机号码', max: 40 },
  { key: 'fax', label: '传真', hint: '没有传真可不填', max: 40 },
  { key: 'email', label: '电子邮箱', max: 100 },
  { key: 'website', label: '政府网站', hint: '以 https:// 或 http:// 开头', max: 200 },
  { key: 'mailbox', label: '监督信箱', hint: '受理投诉、举报的电子邮箱或通信地址', max: 200 },
  { key: 'hotline', label: '举报电话', max: 40 },
  { key: 'supervisor', label: '上一级行政机关或政府信息公开工作主管部门', hint: '受理投诉、举报的机关（条例第五十一条），例如“青禾县人民政府办公室”', max: 100 },
  { key: 'reconsideration', label: '行政复议机关', hint: '例如“青禾县人民政府”', max: 100 },
  { key: 'court', label: '行政诉讼管辖法院', hint: '例如“青禾县人民法院”', max: 100 },
] as const;

export const GUIDE_CHANNEL_FIELDS = [
  { key: 'applyOnline', label: '在线申请（本系统的在线申请表）' },
  { key: 'applyPost', label: '信函申请（邮寄至办公地址）' },
  { key: 'applyInPerson', label: '当面申请（办公时间到办公地址）' },
] as const;

export type GuideTextKey = (typeof GUIDE_TEXT_FIELDS)[number]['key'];
export type GuideChannelKey = (typeof GUIDE_CHANNEL_FIELDS)[number]['key'];
export type GuideSettings = Partial<Record<GuideTextKey, string>> & Partial<Record<GuideChannelKey, boolean>>;
export type GuideFieldErrors = Partial<Record<GuideTextKey | GuideChannelKey | 'channels', string>>;

/** Without these a member of the public cannot reach the office: the guide says they are missing. */
const GUIDE_REQUIRED: readonly GuideTextKey[] = ['officeName', 'address', 'officeHours', 'phone'];

/** Channels default to open: every body must accept written applications (第二十九条). */
const channelOpen = (s: GuideSettings, key: GuideChannelKey): boolean => s[key] !== false;

const fieldLabel = (key: GuideTextKey) => GUIDE_TEXT_FIELDS.find((f) => f.key === key)!.label;

/** The settings as typed, trimmed, empty ones dropped. */
export function cleanGuideSettings(input: GuideSettings): GuideSettings {
  const out: GuideSettings = {};
  for (const f of GUIDE_TEXT_FIELDS) {
    const v = input[f.key]?.trim();
    if (v) out[f.key] = v;
  }
  for (const f of GUIDE_CHANNEL_FIELDS) out[f.key] = channelOpen(input, f.key);
  return out;
}

/** Every problem of the settings, by field, in Chinese; empty when they may be saved. */
export function checkGuideSettings(input: GuideSettings): GuideFieldErrors {
  const s = cleanGuideSettings(input);
  const errors: GuideFieldErrors = {};
  for (const f of GUIDE_TEXT_FIELDS) if ((input[f.key]?.trim().length ?? 0) > f.max) errors[f.key] = `不超过 ${f.max} 个字符`;
  if (s.postalCode && !/^\d{6}$/.test(s.postalCode)) errors.postalCode = '邮政编码为6位数字';
  for (const key of ['phone', 'fax', 'hotline'] as const) {
    if (s[key] && !isPhone(s[key])) errors[key] = '请填写带区号的固定电话（如 0871-12345678）或11位手机号码';
  }
  if (s.email && !isEmail(s.email)) errors.email = '电子邮箱格式不正确，应类似 gk@example.gov.cn';
  if (s.website && !/^https?:\/\/\S+$/.test(s.website)) errors.website = '网址应以 https:// 或 http:// 开头';
  if (!GUIDE_CHANNEL_FIELDS.some((f) => channelOpen(s, f.key))) errors.channels = '请至少开放一种申请渠道（条例第二十九条：采用包括信件、数据电文在内的书面形式）';
  return errors;
}

// ---------------------------------------------------------------------------------------------
// The text

export interface GuideBody {
  name: string;
  level: string;
}

export interface GuidePart {
  heading?: string;
  paragraphs: string[];
  /** Label and value pairs (the office's contact details). */
  facts?: [string, string][];
  /** Links inside this site: the application form, the catalogue, the opinion box. */
  links?: { text: string; href: string }[];
}

export interface GuideSection {
  heading: string;
  parts: GuidePart[];
}

export interface GuideDocument {
  title: string;
  intro: string[];
  sections: GuideSection[];
  /** Labels of required settings the body has not filled in. */
  missing: string[];
}

const NOT_GIVEN = '（本机关尚未公布）';

/** 条例 第四十九条: a government of county level or above by 31 March, any other body by 31 January. */
export function annualReportDeadline(body: GuideBody): string {
  const government = ['province', 'city', 'county'].includes(body.level) && /人民政府$/.test(body.name);
  return government ? '3月31日' : '1月31日';
}

function officeFacts(s: GuideSettings): [string, string][] {
  const facts: [string, string][] = [['名称', s.officeName ?? NOT_GIVEN]];
  facts.push(['办公地址', s.address ?? NOT_GIVEN]);
  if (s.postalCode) facts.push(['邮政编码', s.postalCode]);
  facts.push(['办公时间', s.officeHours ?? NOT_GIVEN]);
  facts.push(['联系电话', s.phone ?? NOT_GIVEN]);
  if (s.fax) facts.push(['传真', s.fax]);
  if (s.email) facts.push(['电子邮箱', s.email]);
  if (s.website) facts.push(['政府网站', s.website]);
  return facts;
}

function proactive(body: GuideBody, s: GuideSettings): GuideSection {
  const where = s.website ? `本机关政府网站（${s.website}）` : '本机关政府网站';
  return {
    heading: '一、主动公开',
    parts: [
      {
        heading: '（一）公开范围',
        paragraphs: [
          `${body.name}依照《条例》第十九条、第二十条等规定，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，包括本机关的机构职能、规章和行政规范性文件、规划计划、财政预决算、行政许可和其他对外管理服务事项、行政处罚和行政强制、行政事业性收费、政府信息公开工作年度报告等。`,
          '每条政府信息的索引号、名称、内容概述和生成日期列在本机关的政府信息公开目录中，可按关键词、索引号、文号、主题分类、文件类型和发布日期检索。',
        ],
        links: [{ text: '政府信息公开目录', href: '/catalogue' }],
      },
      {
        heading: '（二）公开形式',
        paragraphs: [
          `主动公开的政府信息通过${where}、政府公报、政务新媒体、新闻发布会以及政府信息公开查阅点、公开栏等途径公开（《条例》第二十三条、第二十四条）。`,
          s.address ? `公众可以在办公时间到${s.address}查阅本机关主动公开的政府信息。` : '公众可以在办公时间到本机关政府信息公开工作机构查阅本机关主动公开的政府信息。',
        ],
      },
      {
        heading: '（三）公开时限',
        paragraphs: ['属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开；法律、法规对政府信息公开的期限另有规定的，从其规定（《条例》第二十六条）。'],
      },
    ],
  };
}

function channelParagraphs(s: GuideSettings): { paragraphs: string[]; links: GuidePart['links'] } {
  const paragraphs: string[] = [];
  const links: { text: string; href: string }[] = [];
  let n = 0;
  const next = () => `${++n}. `;
  if (channelOpen(s, 'applyOnline')) {
    paragraphs.push(`${next()}在线申请：填写本网站的政府信息公开申请表在线提交。提交后即时获得申请编号和查询码，凭此查询办理进度、在线补正。`);
    links.push({ text: '在线申请政府信息公开', href: '/apply' }, { text: '办理查询', href: '/status' });
  }
  if (channelOpen(s, 'applyPost')) {
    const to = s.address ? `${s.address}${s.officeName ? s.officeName : ''}${s.postalCode ? `（邮政编码：${s.postalCode}）` : ''}` : '本机关政府信息公开工作机构';
    paragraphs.push(`${next()}信函申请：填写申请表或者写明申请内容，邮寄至${to}，请在信封左下角注明“政府信息公开申请”字样。`);
  }
  if (channelOpen(s, 'applyInPerson')) {
    const at = s.address ? `到${s.address}` : '到本机关政府信息公开工作机构';
    paragraphs.push(`${next()}当面申请：${s.officeHours ? `在${s.officeHours}` : '在办公时间'}${at}提交书面申请；采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请（《条例》第二十九条）。`);
  }
  return { paragraphs, links };
}

function onRequest(s: GuideSettings): GuideSection {
  const channels = channelParagraphs(s);
  return {
    heading: '二、依申请公开',
    parts: [
      {
        heading: '（一）受理机构',
        paragraphs: [`本机关的政府信息公开工作机构负责受理政府信息公开申请（《条例》第四条、第二十七条）：`],
        facts: officeFacts(s),
      },
      {
        heading: '（二）申请方式',
        paragraphs: ['公民、法人或者其他组织向本机关申请获取政府信息，应当采用包括信件、数据电文在内的书面形式：', ...channels.paragraphs],
        ...(channels.links?.length ? { links: channels.links } : {}),
      },
      {
        heading: '（三）申请内容',
        paragraphs: [
          '政府信息公开申请应当包括下列内容（《条例》第二十九条）：（1）申请人的姓名或者名称、身份证明、联系方式；（2）申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；（3）申请公开的政府信息的形式要求，包括获取信息的方式、途径。',
        ],
      },
      {
        heading: '（四）申请的处理和答复期限',
        paragraphs: [
          '收到申请的时间：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日；通过互联网提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。',
          '申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。',
          '本机关收到申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。征求第三方和其他机关意见所需时间不计算在上述期限内（《条例》第三十三条）。',
        ],
      },
      {
        heading: '（五）收费',
        paragraphs: [
          '本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条）。',
          '信息处理费按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按件或者按量计收，同一申请只适用一种方式：按件计收，同一申请人一个自然月内累计申请10件以下（含10件）的不收费，11—30件的部分每件收费100元，31件以上的部分每增加10件、每件收费标准提高100元；按量计收，同一申请30页以下（含30页）的不收费，31—100页的部分每页收费10元，101—200页的部分每页收费20元，201页以上的部分每页收费40元。',
        ],
      },
    ],
  };
}

function remedies(s: GuideSettings): GuideSection {
  const complain = [
    `公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向${s.supervisor ?? '上一级行政机关或者政府信息公开工作主管部门'}投诉、举报（《条例》第五十一条）。`,
    '对本机关政府信息公开工作的意见建议、投诉和举报，也可以通过网上意见箱提出，提交后获得编号和查询码，凭此查看答复。',
  ];
  const facts: [string, string][] = [];
  if (s.mailbox) facts.push(['监督信箱', s.mailbox]);
  if (s.hotline) facts.push(['举报电话', s.hotline]);
  return {
    heading: '三、监督和救济',
    parts: [
      { heading: '（一）投诉举报', paragraphs: complain, ...(facts.length ? { facts } : {}), links: [{ text: '意见箱', href: '/opinions' }] },
      {
        heading: '（二）行政复议',
        paragraphs: [
          `认为本机关在政府信息公开工作中的行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内，依法${s.reconsideration ? `向${s.reconsideration}` : ''}申请行政复议（《条例》第五十一条，《中华人民共和国行政复议法》第二十条）。`,
        ],
      },
      {
        heading: '（三）行政诉讼',
        paragraphs: [
          `也可以自知道或者应当知道作出行政行为之日起六个月内，依法${s.court ? `向${s.court}` : ''}提起行政诉讼（《条例》第五十一条，《中华人民共和国行政诉讼法》第四十六条）。`,
        ],
      },
    ],
  };
}

function annualReport(body: GuideBody): GuideSection {
  return {
    heading: '四、政府信息公开工作年度报告',
    parts: [
      {
        paragraphs: [
          `本机关于每年${annualReportDeadline(body)}前公布上一年度政府信息公开工作年度报告（《条例》第四十九条），历年报告列在政府信息公开目录的“年度报告”栏目中。`,
        ],
        links: [{ text: '历年政府信息公开工作年度报告', href: '/catalogue?tab=reports' }],
      },
    ],
  };
}

/** The complete guide of a body. */
export function guideDocument(body: GuideBody, input: GuideSettings): GuideDocument {
  const s = cleanGuideSettings(input);
  return {
    title: `${body.name}政府信息公开指南`,
    intro: [
      `为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。公众可以通过本指南了解${body.name}政府信息公开的范围、形式、时限，申请获取政府信息的方式和程序，以及监督和救济的途径。`,
    ],
    sections: [proactive(body, s), onRequest(s), remedies(s), annualReport(body)],
    missing: GUIDE_REQUIRED.filter((k) => !s[k]).map(fieldLabel),
  };
}
