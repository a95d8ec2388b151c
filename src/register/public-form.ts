/**
 * The online application form of 条例第二十九条, as pure data and checks shared by the server and
 * the browser: the same Chinese message appears beside a field whether the browser or the API
 * refused it. No imports, so the browser bundle stays small.
 *
 * 第二十九条 asks for: the applicant's name, 身份证明 and contact details; the name, 文号 or another
 * identifying description of the information; and the form wanted, with how to receive it.
 */

export interface Choice<K extends string = string> {
  key: K;
  label: string;
}

/** 身份证明: which document the number belongs to; the kinds offered depend on the applicant. */
export const ID_KINDS = [
  { key: 'resident', label: '居民身份证', person: true },
  { key: 'otherPersonal', label: '其他有效身份证件（护照、港澳台居民居住证等）', person: true },
  { key: 'uscc', label: '统一社会信用代码', person: false },
  { key: 'otherOrg', label: '其他登记证照号码', person: false },
] as const;

/** 所需信息的提供形式 (第二十九条第三项, 第四十条); the label is what the register keeps. */
export const FORMS = [
  { key: 'paper', label: '纸质' },
  { key: 'electronic', label: '电子数据' },
  { key: 'inspection', label: '现场查阅、抄录' },
] as const;

/** 获取信息的方式、途径; the label is what the register keeps. */
export const DELIVERIES = [
  { key: 'post', label: '邮寄' },
  { key: 'email', label: '电子邮件' },
  { key: 'pickup', label: '自行领取' },
] as const;

/** What the applicant types in (strings as typed; keys for the choices). */
export interface ApplicationInput {
  bodyId: string;
  applicantType: string;
  name: string;
  idKind: string;
  idNumber: string;
  /** Organisations: the person to contact. */
  contactPerson?: string;
  phone: string;
  email?: string;
  address?: string;
  description: string;
  form: string;
  delivery: string;
}

export type ApplicationField = keyof ApplicationInput;
export type FieldErrors = Partial<Record<ApplicationField, string>>;

export const LIMITS = { name: 100, idNumber: 40, contactPerson: 50, phone: 30, email: 100, address: 200, description: 2000, correction: 2000 } as const;
export const DESCRIPTION_MIN = 5;

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** GB 11643-1999: 18 characters, the last a check character over the first 17 digits. */
function isResidentId(value: string): boolean {
  const s = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const sum = RESIDENT_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return RESIDENT_CHECK[sum % 11] === s[17];
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: 18 characters from 31 (no I, O, S, V, Z), the last a check character. */
function isUscc(value: string): boolean {
  const s = value.toUpperCase();
  if (s.length !== 18 || [...s].some((ch) => !USCC_ALPHABET.includes(ch))) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_ALPHABET.indexOf(s[i]!), 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === s[17];
}

/** Digits, and the dash of an extension, without spaces. */
const normalizePhone = (value: string): string => value.replace(/[\s（）()]/g, '');

/** A mobile number (11 digits from 13–19) or a fixed line with its area code (and an extension). */
export function isPhone(value: string): boolean {
  const s = normalizePhone(value);
  return /^1[3-9]\d{9}$/.test(s) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(s);
}

export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

export const isPerson = (applicantType: string): boolean => applicantType === 'naturalPerson';

/** The 身份证明 kinds for an applicant type. */
export const idKindsFor = (applicantType: string) => ID_KINDS.filter((k) => k.person === isPerson(applicantType));

const tooLong = (value: string | undefined, max: number) => (value ?? '').trim().length > max;

function checkIdNumber(input: ApplicationInput): string | undefined {
  const id = input.idNumber.trim();
  if (!id) return isPerson(input.applicantType) ? '请填写身份证件号码' : '请填写统一社会信用代码或其他登记证照号码';
  if (tooLong(id, LIMITS.idNumber)) return `证件号码不超过 ${LIMITS.idNumber} 个字符`;
  if (input.idKind === 'resident' && !isResidentId(id)) return '居民身份证号码应为18位，且最后一位校验码正确（最后一位可能是 X），请核对';
  if (input.idKind === 'uscc' && !isUscc(id)) return '统一社会信用代码应为18位，且最后一位校验码正确，请核对';
  if (id.length < 4) return '证件号码过短，请核对';
  return undefined;
}

function checkContact(input: ApplicationInput, errors: FieldErrors): void {
  if (!input.phone.trim()) errors.phone = '请填写联系电话，以便机关联系您（第二十九条要求提供联系方式）';
  else if (!isPhone(input.phone)) errors.phone = '请填写11位手机号码，或带区号的固定电话（如 0571-87654321）';
  const email = (input.email ?? '').trim();
  if (input.delivery === 'email' && !email) errors.email = '选择通过电子邮件获取时，请填写电子邮箱';
  else if (email && !isEmail(email)) errors.email = '电子邮箱格式不正确，应类似 name@example.com';
  else if (tooLong(email, LIMITS.email)) errors.email = `电子邮箱不超过 ${LIMITS.email} 个字符`;
  const address = (input.address ?? '').trim();
  if (input.delivery === 'post' && address.length < 6) errors.address = '选择邮寄时，请填写完整的通信地址（省市县、街道门牌）';
  else if (tooLong(address, LIMITS.address)) errors.address = `通信地址不超过 ${LIMITS.address} 个字符`;
  if (tooLong(input.contactPerson, LIMITS.contactPerson)) errors.contactPerson = `联系人不超过 ${LIMITS.contactPerson} 个字符`;
}

/**
 * Every problem of a filled-in form, by field, in Chinese; empty when it may be submitted.
 * `applicantTypes`: the table 三 columns (the server passes its list; the browser the one it was given).
 */
export function checkApplicationInput(input: ApplicationInput, applicantTypes: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.bodyId.trim()) errors.bodyId = '请选择受理申请的行政机关';
  if (!applicantTypes.includes(input.applicantType)) errors.applicantType = '请选择申请人类型';
  const person = isPerson(input.applicantType);
  if (!input.name.trim()) errors.name = person ? '请填写申请人姓名' : '请填写单位名称';
  else if (tooLong(input.name, LIMITS.name)) errors.name = `不超过 ${LIMITS.name} 个字符`;
  if (!idKindsFor(input.applicantType).some((k) => k.key === input.idKind)) errors.idKind = '请选择证件类型';
  else {
    const idProblem = checkIdNumber(input);
    if (idProblem) errors.idNumber = idProblem;
  }
  checkContact(input, errors);
  const description = input.description.trim();
  if (description.length < DESCRIPTION_MIN) errors.description = '请写明所需政府信息的名称、文号，或者便于机关查询的其他特征性描述（至少5个字）';
  else if (description.length > LIMITS.description) errors.description = `不超过 ${LIMITS.description} 个字；内容较多时建议分别申请（一事一申请）`;
  if (!FORMS.some((f) => f.key === input.form)) errors.form = '请选择所需信息的提供形式';
  if (!DELIVERIES.some((d) => d.key === input.delivery)) errors.delivery = '请选择获取信息的方式';
  return errors;
}

const labelOf = (choices: readonly Choice[], key: string) => choices.find((c) => c.key === key)?.label ?? key;
export const formLabel = (key: string) => labelOf(FORMS, key);
export const deliveryLabel = (key: string) => labelOf(DELIVERIES, key);
export const idKindLabel = (key: string) => labelOf(ID_KINDS, key);

/** The register's one contact line: the officer calls or writes from it (and it is masked in lists). */
export function contactLine(input: Pick<ApplicationInput, 'contactPerson' | 'phone' | 'email' | 'address'>): string {
  const parts: [string, string | undefined][] = [
    ['联系人', input.contactPerson],
    ['电话', normalizePhone(input.phone)],
    ['电子邮箱', input.email],
    ['地址', input.address],
  ];
  return parts
    .filter(([, v]) => v && v.trim())
    .map(([k, v]) => `${k} ${v!.trim()}`)
    .join('；');
}

// ---------------------------------------------------------------------------------------------
// The query code: the applicant's only key to their application.

/** Digits and capitals that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 12 characters from 31: about 2^59 possibilities, far beyond guessing through the API. */
export const QUERY_CODE_LENGTH = 12;

/** As typed (lower case, spaces, dashes) → as issued. */
export const normalizeQueryCode = (value: string): string => value.toUpperCase().replace(/[\s-]/g, '');

/** Groups of four, easier to copy by hand: ABCD-EFGH-JKMN. */
export const formatQueryCode = (code: string): string => normalizeQueryCode(code).replace(/(.{4})(?=.)/g, '$1-');

export function queryCodeProblem(value: string): string | undefined {
  const code = normalizeQueryCode(value);
  if (!code) return '请填写查询码';
  if (code.length !== QUERY_CODE_LENGTH || [...code].some((ch) => !QUERY_CODE_ALPHABET.includes(ch))) {
    return `查询码为 ${QUERY_CODE_LENGTH} 位字母和数字（不含 0、1、I、L、O），请核对`;
  }
  return undefined;
}
