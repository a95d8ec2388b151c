/**
 * The catalogue's fixed lists: topic categories (主题分类), document types (文件类型), channels,
 * 公开属性 and the statutory grounds for withholding. Stored values are the Chinese labels for
 * topics, types and channels (self-describing for the public pages and exports); the schema's
 * own enumerations (disclosure, rule_kind, status) keep their English keys.
 *
 * The topic list follows the practice of county and township catalogues (the State Council's
 * 主题分类 condensed). It is fixed in code for now; making it a per-body setting later only needs
 * this list to be read from body_settings instead.
 */

export const TOPICS = [
  '综合政务',
  '国民经济管理',
  '财政金融审计',
  '自然资源',
  '生态环境',
  '城乡建设',
  '交通运输',
  '农业农村',
  '水利',
  '商贸市场监管',
  '科技工业信息化',
  '教育',
  '文化旅游体育',
  '卫生健康',
  '社会保障',
  '民政',
  '劳动就业',
  '公共安全',
  '应急管理',
  '司法',
  '民族宗教',
  '其他',
] as const;

export const DOC_TYPES = ['规章', '行政规范性文件', '其他文件', '政策解读', '通知公告', '工作动态', '规划计划', '财政预决算', '人事信息', '年度报告', '其他'] as const;

export const CHANNELS = ['门户网站', '政府公报', '政务新媒体', '公开栏/公共查阅点', '新闻发布会'] as const;

export const DISCLOSURES = ['proactive', 'onRequest', 'withheld'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const DISCLOSURE_LABELS: Readonly<Record<Disclosure, string>> = {
  proactive: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
};

export type RuleKind = 'regulations' | 'normativeDocuments';

/** The document types table 二 counts, and the rule_kind each one is stored under. */
export const RULE_KIND_OF_TYPE: Readonly<Record<string, RuleKind>> = {
  规章: 'regulations',
  行政规范性文件: 'normativeDocuments',
};

export const RULE_KIND_LABELS: Readonly<Record<RuleKind, string>> = { regulations: '规章', normativeDocuments: '行政规范性文件' };

/**
 * Grounds for 不予公开, with the words of the 条例 (2019). 第十六条 has two distinct grounds
 * (internal affairs; process information and enforcement files), kept apart so the record says
 * which one applies.
 */
export const WITHHELD_GROUNDS = {
  art14: {
    label: '第十四条（国家秘密、法律法规禁止公开、危及“三安全一稳定”）',
    text: '依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。',
  },
  art15: {
    label: '第十五条（商业秘密、个人隐私等损害第三方合法权益）',
    text: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。',
  },
  art16a: {
    label: '第十六条第一款（内部事务信息）',
    text: '行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。',
  },
  art16b: {
    label: '第十六条第二款（过程性信息、行政执法案卷信息）',
    text: '行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。',
  },
} as const;
export type WithheldGround = keyof typeof WITHHELD_GROUNDS;
export const WITHHELD_GROUND_KEYS = Object.keys(WITHHELD_GROUNDS) as WithheldGround[];

/** Item status in the database; 'approved' = passed the chain but not proactively public. */
export const STATUSES = ['draft', 'inReview', 'published', 'approved', 'rejected', 'withdrawn'] as const;
export type ItemStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  draft: '草稿',
  inReview: '审核中',
  published: '已发布',
  approved: '已审定（不主动公开）',
  rejected: '被退回',
  withdrawn: '已撤销',
};

export const ARTICLE_26 = '属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。（条例第二十六条）';
export const ARTICLE_18 = '行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开。（条例第十八条）';
