/**
 * Reply letters (告知书) from templates: for each table 三 outcome the kind of reply the 条例
 * (2019) prescribes, with its legal basis, filled from the register — number, applicant, date of
 * receipt, the information sought, reply date, body — and the remedy sentence. Also the notice
 * of an extension (第三十三条第二款) and of the end of handling after a withdrawal. Pure text:
 * `letter-render.ts` makes HTML and Word of it.
 *
 * Articles follow shared/spec/law-and-practice.md §1.4 and §3.12. Where the law names no article
 * (不予处理 5, 其他处理 3) the wording stays general.
 */
import { closingEvent, RegisterError } from './lifecycle.js';
import { chineseDate, isNaturalPerson } from './labels.js';
import type { Application, RegisterEvent } from './types.js';

export type LetterKind = 'reply' | 'extension';

export interface Letter {
  title: string;
  /** 文号, e.g. 云政公复〔2026〕3号; absent when none was recorded. */
  number?: string;
  /** `张三：` */
  salutation: string;
  paragraphs: string[];
  /** Body name and date, right-aligned under the text. */
  signature: [string, string];
  /** The 条例 articles the letter rests on, as cited (`第三十六条第（一）项`). */
  basis: string[];
}

const REGULATION = '《中华人民共和国政府信息公开条例》（以下简称《条例》）';

type Ctx = { p: string; app: Application; on: (kind: RegisterEvent['kind']) => string | undefined };
type Reply = { text: string; basis: string[] };

/** 第十四条至第十六条: why the information is withheld, and the article (with 第三十六条第（三）项). */
const WITHHELD: Readonly<Record<string, [reason: string, article: string]>> = {
  'withheld.stateSecret': ['属于依法确定为国家秘密的政府信息', '第十四条'],
  'withheld.lawForbidden': ['属于法律、行政法规禁止公开的政府信息', '第十四条'],
  'withheld.securityStability': ['公开后可能危及国家安全、公共安全、经济安全、社会稳定', '第十四条'],
  'withheld.thirdPartyRights': ['涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', '第十五条'],
  'withheld.internalAffairs': ['属于人事管理、后勤管理、内部工作流程等方面的内部事务信息', '第十六条第一款'],
  'withheld.processInfo': ['属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息', '第十六条第二款'],
  'withheld.enforcementFile': ['属于行政执法案卷信息', '第十六条第二款'],
};

function withheld(c: Ctx, key: string): Reply {
  const [reason, article] = WITHHELD[key]!;
  const consulted = key === 'withheld.thirdPartyRights' && c.app.events.some((e) => e.kind === 'consultation' && e.party === 'third-party');
  return {
    text: `经审查，${c.p}申请获取的政府信息${reason}。${consulted ? '本机关已依照《条例》第三十二条的规定书面征求第三方的意见。' : ''}根据《条例》${article}、第三十六条第（三）项的规定，本机关决定不予公开。`,
    basis: [article, '第三十六条第（三）项', ...(consulted ? ['第三十二条'] : [])],
  };
}

function granted(c: Ctx): Reply {
  const how = [c.app.form ? `形式：${c.app.form}` : '', c.app.delivery ? `获取方式：${c.app.delivery}` : ''].filter(Boolean).join('；');
  return {
    text: `经审查，${c.p}申请获取的政府信息属于可以公开的政府信息。根据《条例》第三十六条第（一）项、第（二）项的规定，本机关决定予以公开：该信息已经主动公开的，${c.p}可以通过本机关政府信息公开平台查阅、下载；尚未主动公开的，本机关按照${c.p}要求的形式和获取方式${how ? `（${how}）` : ''}提供。`,
    basis: ['第三十六条第（一）项', '第三十六条第（二）项'],
  };
}

const correctionSentence = (c: Ctx) => {
  const on = c.on('correctionRequested');
  return on ? `本机关已于${chineseDate(on)}一次性告知${c.p}补正申请内容，` : '';
};

const REPLIES: Readonly<Record<string, (c: Ctx) => Reply>> = {
  granted,
  partlyGranted: (c) => ({
    text: `经审查，${c.p}申请获取的信息中，部分内容属于依法不予公开的信息或者不属于政府信息，且能够作区分处理。根据《条例》第三十七条的规定，本机关向${c.p}提供可以公开的部分；其余部分依照《条例》第十四条、第十五条、第十六条的有关规定，不予公开。`,
    basis: ['第三十七条'],
  }),
  ...Object.fromEntries(Object.keys(WITHHELD).map((k) => [k, (c: Ctx) => withheld(c, k)])),
  'withheld.adminQuery': (c) => ({
    text: `经审查，${c.p}申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对此类信息的获取有特别规定。根据《条例》第三十六条第（七）项的规定，请${c.p}依照有关法律、行政法规的规定向相关登记机关办理查询。`,
    basis: ['第三十六条第（七）项'],
  }),
  'unavailable.notHeld': (c) => ({
    text: `经检索查找，本机关未制作或者获取${c.p}申请的政府信息。根据《条例》第三十六条第（四）项的规定，告知${c.p}该政府信息不存在。`,
    basis: ['第三十六条第（四）项'],
  }),
  'unavailable.needsCreation': (c) => ({
    text: `经审查，${c.p}申请获取的信息需要本机关对现有政府信息进行加工、分析才能形成。根据《条例》第三十八条的规定，行政机关向申请人提供的信息，应当是已制作或者获取的政府信息；除能够作区分处理的外，需要对现有政府信息进行加工、分析的，可以不予提供。本机关无法提供。`,
    basis: ['第三十八条'],
  }),
  'unavailable.unclear': (c) => ({
    text: `${correctionSentence(c)}${c.p}补正后的申请内容仍不明确，本机关无法确定${c.p}所需的政府信息。根据《条例》第二十九条第二款、第三十条的规定，本机关无法提供。`,
    basis: ['第二十九条第二款', '第三十条'],
  }),
  'notProcessed.petition': (c) => ({
    text: `经审查，${c.p}以政府信息公开申请的形式提出的是信访、投诉、举报等事项。根据《条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，${c.p}可以通过信访、投诉、举报等相应渠道提出。`,
    basis: ['第三十九条第一款'],
  }),
  'notProcessed.duplicate': (c) => ({
    text: `经审查，本机关已就${c.p}申请公开的同一政府信息作出答复，${c.p}再次提出申请。根据《条例》第三十六条第（六）项的规定，本机关不予重复处理。`,
    basis: ['第三十六条第（六）项'],
  }),
  'notProcessed.publication': (c) => ({
    text: `经审查，${c.p}申请获取的是政府公报、报刊、书籍等公开出版物。根据《条例》第三十九条第二款的规定，告知${c.p}可以通过公开发行渠道或者公共图书馆、档案馆等场所获取。`,
    basis: ['第三十九条第二款'],
  }),
  'notProcessed.excessive': (c) => ({
    text: `${c.p}申请公开政府信息的数量、频次明显超过合理范围。本机关已要求${c.p}说明理由，经审查，认为申请理由不合理。根据《条例》第三十五条的规定，本机关不予处理。`,
    basis: ['第三十五条'],
  }),
  'notProcessed.confirmation': (c) => ({
    text: `经审查，${c.p}的申请是要求本机关确认或者重新出具${c.p}已经获取的信息，不属于申请获取政府信息的情形，本机关不作为政府信息公开申请处理。`,
    basis: [],
  }),
  'otherHandling.noCorrection': (c) => ({
    text: `${correctionSentence(c)}${c.p}无正当理由逾期未补正。根据《条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    basis: ['第三十条'],
  }),
  'otherHandling.feeUnpaid': (c) => {
    const on = c.on('feeNotice');
    return {
      text: `${on ? `本机关已于${chineseDate(on)}向${c.p}发出收费通知，` : ''}${c.p}逾期未按收费通知要求缴纳信息处理费。根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      basis: ['第四十二条'],
    };
  },
  'otherHandling.other': (c) => ({
    text: `本机关对${c.p}的申请已作其他处理并办结。如需了解具体情况，请与本机关政府信息公开工作机构联系。`,
    basis: [],
  }),
};

/** 行政复议法（2023）第二十三条: a refusal to disclose goes to 行政复议 before any suit. */
const REVIEW_LAW = '根据《中华人民共和国行政复议法》第二十三条的规定';
const REVIEW_FIRST = '应当先申请行政复议，对行政复议决定不服的，可以依法提起行政诉讼';

function remedy(outcome: string): string {
  const start = '如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议';
  if (outcome.startsWith('withheld.') && outcome !== 'withheld.adminQuery') return `${start}；${REVIEW_LAW}，对不予公开决定不服的，${REVIEW_FIRST}。`;
  if (outcome === 'partlyGranted') return `${start}；其中对不予公开部分不服的，${REVIEW_LAW}，${REVIEW_FIRST}；对其余部分不服的，也可以自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。`;
  return `${start}，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。`;
}

function contextOf(app: Application): Ctx {
  return {
    p: isNaturalPerson(app.applicant.type) ? '您' : '贵单位',
    app,
    on: (kind) => {
      const e = app.events.find((x) => x.kind === kind);
      return e && 'on' in e ? e.on : undefined;
    },
  };
}

/** “本机关于…收到…申请获取…” and what happened on the way (补正, consultation, extension). */
function opening(c: Ctx): string {
  const { app, p } = c;
  const parts = [`本机关于${chineseDate(app.receivedOn)}收到${p}提交的政府信息公开申请（申请编号：${app.id}），${p}申请获取“${app.description}”。`];
  const corrected = c.on('correctionReceived');
  if (corrected) parts.push(`本机关于${chineseDate(corrected)}收到${p}补正后的申请。`);
  const parties = new Set(app.events.flatMap((e) => (e.kind === 'consultation' ? [e.party] : [])));
  if (parties.size) parts.push(`办理中本机关征求了${[...parties].map((x) => (x === 'third-party' ? '第三方' : '有关机关')).join('和')}的意见，所需时间不计入答复期限。`);
  if (c.on('extended')) parts.push('经本机关政府信息公开工作机构负责人同意，答复期限已依法延长。');
  return parts.join('');
}

/** The reply to a closed application (or the notice that handling ended after a withdrawal). */
export function replyLetter(bodyName: string, app: Application): Letter {
  const closing = closingEvent(app);
  if (!closing) throw new RegisterError(`申请 ${app.id} 尚未答复，不能生成答复书`);
  const c = contextOf(app);
  const base = { salutation: `${app.applicant.name}：`, signature: [bodyName, chineseDate(closing.on)] as [string, string] };
  if (closing.kind === 'withdrawn') {
    return {
      ...base,
      title: '政府信息公开申请终止办理告知书',
      paragraphs: [`${opening(c)}${c.p}于${chineseDate(closing.on)}撤回该申请，本机关终止办理。`, '特此告知。'],
      basis: [],
    };
  }
  const reply = REPLIES[closing.outcome];
  if (!reply) throw new RegisterError(`“${closing.outcome}”不是表三的办理结果行，无法生成答复书`);
  const { text, basis } = reply(c);
  return {
    ...base,
    title: '政府信息公开申请答复书',
    ...(closing.letterNo ? { number: closing.letterNo } : {}),
    paragraphs: [`${opening(c)}现根据${REGULATION}答复如下：`, text, remedy(closing.outcome), '特此告知。'],
    basis,
  };
}

/**
 * How a due date is stated in a letter: the date, and when it depends on a year whose State Council holiday
 * arrangement is not in yet, that it is provisional and which notice decides it.
 */
export function statedDueDate(due: string | { readonly due: string; readonly provisional: boolean }): string {
  const date = typeof due === 'string' ? due : due.due;
  const provisional = typeof due !== 'string' && due.provisional;
  return `${chineseDate(date)}${provisional ? `（暂定，以国务院公布的${date.slice(0, 4)}年节假日安排为准）` : ''}`;
}

/**
 * The notice of an extension (延期答复告知书) with the new due date, computed by the caller: pass the whole
 * result of the clock so that a provisional date is stated as such.
 */
export function extensionLetter(bodyName: string, app: Application, due: string | { readonly due: string; readonly provisional: boolean }): Letter {
  const extended = app.events.find((e): e is Extract<RegisterEvent, { kind: 'extended' }> => e.kind === 'extended');
  if (!extended) throw new RegisterError(`申请 ${app.id} 没有延长答复期限，不能生成延期告知书`);
  const c = contextOf(app);
  return {
    title: '延长政府信息公开申请答复期限告知书',
    salutation: `${app.applicant.name}：`,
    paragraphs: [
      `本机关于${chineseDate(app.receivedOn)}收到${c.p}提交的政府信息公开申请（申请编号：${app.id}），${c.p}申请获取“${app.description}”。`,
      `因本机关不能在${REGULATION}第三十三条第二款规定的20个工作日内作出答复，经本机关政府信息公开工作机构负责人同意，根据该款规定，答复期限延长20个工作日，本机关将于${statedDueDate(due)}前作出答复。`,
      '特此告知。',
    ],
    signature: [bodyName, chineseDate(extended.on)],
    basis: ['第三十三条第二款'],
  };
}

/** The letter as plain text (for a check by eye, a test, or a paste). */
export function letterText(l: Letter): string {
  return [l.title, ...(l.number ? [l.number] : []), '', l.salutation, ...l.paragraphs.map((p) => `\u3000\u3000${p}`), '', ...l.signature].join('\n');
}
