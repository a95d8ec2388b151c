/** A citizen's online application (the public form's fields), for the server tests. */

/** GB 11643-1999's own example number (check character X). */
export const ID_NUMBER = '11010519491231002X';

export const publicForm = (overrides: Record<string, string> = {}) => ({
  bodyId: 'yl',
  applicantType: 'naturalPerson',
  name: '李秀英',
  idKind: 'resident',
  idNumber: ID_NUMBER,
  phone: '13812345678',
  address: '青禾县云岭镇和平路8号',
  description: '2025年云岭镇和平村土地征收补偿安置方案（文号不详）',
  form: 'paper',
  delivery: 'post',
  ...overrides,
});
