/**
 * Where a body sits in the administrative hierarchy, read from its name. Supervisors filter
 * long lists by it, and the publication deadline differs by it (county-level governments and
 * above publish by 31 March, departments and townships by 31 January).
 */

export const BODY_LEVELS = ['province', 'city', 'county', 'township', 'department'] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number];

export const BODY_LEVEL_LABELS: Record<BodyLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
  department: '部门',
};

/**
 * The level of a body from its name: a government (人民政府) is named after its area, so the
 * last area word before 人民政府 decides; 街道办事处 are township-level; anything else (a bureau,
 * an office, a committee) is a department.
 */
export function levelOfBody(name: string): BodyLevel {
  const n = name.replace(/\s+/g, '');
  if (/(街道办事处|街道)$/.test(n)) return 'township';
  const gov = /^(.*?)人民政府(办公厅|办公室)?$/.exec(n);
  if (!gov) return 'department';
  const area = gov[1]!;
  if (/(乡|镇|苏木)$/.test(area)) return 'township';
  if (/(县|区|旗|县级市)$/.test(area) || /市.+市$/.test(area)) return 'county';
  if (/(省|自治区)$/.test(area) || /^(北京|天津|上海|重庆)市$/.test(area)) return 'province';
  if (/(市|州|盟|地区)$/.test(area)) return 'city';
  return 'department';
}
