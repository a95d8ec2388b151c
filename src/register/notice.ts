/**
 * 申请须知: what a citizen should know before applying online, shown above the form. Each point
 * paraphrases the 条例 (2019) or the fee measures (国办函〔2020〕109号) and names its article, so
 * the page says nothing the law does not.
 */
import { EXTENSION_WORKING_DAYS, REPLY_WORKING_DAYS } from '../calendar/clock.js';

export interface NoticeItem {
  heading: string;
  text: string;
  /** The provision it rests on. */
  basis?: string;
}

export const APPLICATION_NOTICE: readonly NoticeItem[] = [
  {
    heading: '向谁申请',
    text: '请向制作或者保存所需政府信息的行政机关提出申请，并在下方选择该机关。一份申请建议只涉及一项政府信息（“一事一申请”），便于及时答复。',
    basis: '条例第十条、第二十七条',
  },
  {
    heading: '申请应当写明的内容',
    text: '申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。通过本页提交的申请属于书面申请。',
    basis: '条例第二十九条',
  },
  {
    heading: '收到申请的日期',
    text: '通过互联网渠道提交的申请，以双方确认之日为收到申请之日。本系统在您提交成功时即时确认，提交当日即为收到申请之日。',
    basis: '条例第三十一条',
  },
  {
    heading: '答复期限',
    text: `能够当场答复的，当场答复；不能当场答复的，自收到申请之日起${REPLY_WORKING_DAYS}个工作日内答复。需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过${EXTENSION_WORKING_DAYS}个工作日。征求第三方和其他机关意见所需时间不计算在期限内。期限从收到申请的次日起按工作日计算，法定节假日和休息日不计。`,
    basis: '条例第三十三条',
  },
  {
    heading: '补正',
    text: '申请内容不明确的，行政机关将自收到申请之日起7个工作日内一次性告知需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，行政机关不再处理。您可以在“办理查询”页面在线补正。',
    basis: '条例第三十条',
  },
  {
    heading: '费用',
    text: '行政机关依申请提供政府信息，不收取费用。申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，收费前会书面通知您。',
    basis: '条例第四十二条',
  },
  {
    heading: '请保存申请编号和查询码',
    text: '提交成功后，页面显示申请编号和查询码。查询码只显示这一次，系统不保存查询码原文，遗失后无法找回；请抄写或截图妥善保存，不要告诉他人。凭申请编号和查询码可以查询办理进度、在线补正或者撤回申请。',
  },
  {
    heading: '不属于政府信息公开申请的事项',
    text: '以政府信息公开申请的形式进行信访、投诉、举报等活动的，行政机关将告知您通过相应渠道提出。',
    basis: '条例第三十九条',
  },
  {
    heading: '救济途径',
    text: '认为行政机关在政府信息公开工作中侵犯您合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
    basis: '条例第五十一条',
  },
  {
    heading: '个人信息',
    text: '您填写的个人信息仅用于办理本申请；在办理查询页面，证件号码和电话号码只显示部分数字，通信地址不显示。',
  },
];
