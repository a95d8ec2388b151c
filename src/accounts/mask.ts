/**
 * Masking of applicants' personal data in lists and exports (个人信息保护法): enough stays visible
 * to tell two people apart on the phone, not enough to use. One function for a free-text contact
 * line (maskContact) serves the register's lists and pages, opinions and the public status page.
 */

/** 110101199003070011 → 1101**********0011 */
export function maskIdNumber(id: string | undefined): string | undefined {
  if (!id) return id;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** A digit however written: ASCII, full-width, or a Chinese numeral read out digit by digit (幺 for 一 on the phone). */
const DIGIT = '[0-9０-９〇零一二三四五六七八九幺两]';
/** What people put between the groups of a number: spaces, hyphens, dots, slashes, brackets. */
const SEPARATOR = '[\\s\\-－—.．·/／()（）]';
/** A run of at least seven digits, separators allowed between them. */
const DIGIT_RUN = new RegExp(`${DIGIT}(?:${SEPARATOR}{0,2}${DIGIT}){6,}`, 'g');
const ONE_DIGIT = new RegExp(DIGIT, 'g');

/**
 * Phone numbers in any common writing — 13812345678, 138.1234.5678, 0871/12345678,
 * １３８１２３４５６７８, 一三八一二三四五六七八 — keep their first three and last four digits;
 * shorter runs (postcodes, house numbers) stay.
 */
function maskDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const digits = run.match(ONE_DIGIT)?.length ?? 0;
    let seen = 0;
    return run.replace(ONE_DIGIT, (d) => (++seen <= 3 || seen > digits - 4 ? d : '*'));
  });
}

/** zhangsan@example.cn → zha***@example.cn (full-width ＠ too). */
const maskEmails = (text: string) => text.replace(/([^\s@＠：:，,；;]{1,3})[^\s@＠：:，,；;]*([@＠])/g, '$1***$2');

/**
 * A labelled address: 地址 / 住址 / 通讯地址 / 联系地址 / 邮寄地址, up to the end of its clause
 * or the next labelled item (“，电话 …”).
 */
const LABELLED_ADDRESS = /((?:通讯|通信|联系|邮寄|家庭|居住)?(?:地址|住址)\s*[：:]?\s*)([^；;\n]+?)(?=[，,]\s*(?:电话|手机|座机|联系|邮箱|电子邮箱|邮编|e-?mail)|[；;\n]|$)/gi;
/**
 * An address written without a label: places down to a road, street, village or building, then
 * a number with 号 / 室 / 栋 / 幢 / 单元 / 弄 / 组 and the like.
 */
const BARE_ADDRESS = /[\u4e00-\u9fa5]{0,20}(?:路|街|道|巷|弄|村|社区|小区|大厦|花园|公寓|组)\s*[0-9０-９一二三四五六七八九十百〇零甲乙丙-]+\s*(?:号|号院|弄|栋|幢|座|单元|室|楼|组)(?:\s*[0-9０-９一二三四五六七八九十百〇零甲乙丙-]+\s*(?:号|栋|幢|座|单元|室|楼|层))*/g;
/** The administrative places an address begins with: they stay, the rest is hidden. */
const PLACES = /^(?:[\u4e00-\u9fa5]{1,12}?(?:省|自治区|市|自治州|州|盟|自治县|县|(?<![小社园校])区|旗|镇|乡|街道))+/;

/** 云岭镇人民路 12 号 3 栋 → 云岭镇**********: the township stays, the street and number go. */
export function maskAddress(address: string): string {
  const text = address.trim();
  if (!text) return address;
  const places = PLACES.exec(text)?.[0] ?? '';
  const rest = [...text.slice(places.length)].length;
  return places + '*'.repeat(Math.min(Math.max(rest, 4), 12));
}

/** A contact person named in the line (联系人 张三 → 联系人 张**), as applicants' names are masked. */
const LABELLED_PERSON = /(联系人\s*[：:]?\s*)([^\s；;，,：:]+)/g;

/**
 * A free-text contact line masked: phone numbers however written, e-mail local parts, the
 * contact person's name and addresses (labelled or recognisable by their house number).
 */
export function maskContact(contact: string | undefined): string | undefined {
  if (!contact) return contact;
  const addressed = contact
    .replace(LABELLED_ADDRESS, (_all, label: string, value: string) => label + maskAddress(value))
    .replace(BARE_ADDRESS, (a) => maskAddress(a))
    .replace(LABELLED_PERSON, (_all, label: string, name: string) => `${label}${[...name][0]}**`);
  return maskEmails(maskDigitRuns(addressed));
}
