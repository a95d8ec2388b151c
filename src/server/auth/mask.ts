/**
 * Masking of applicants' personal data in lists and exports (个人信息保护法): enough stays visible
 * to tell two people apart on the phone, not enough to use.
 */

/** 110101199003070011 → 1101**********0011 */
export function maskIdNumber(id: string | undefined): string | undefined {
  if (!id) return id;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** Phone numbers inside a contact line: 13812345678 → 138****5678; e-mail local parts halved. */
export function maskContact(contact: string | undefined): string | undefined {
  if (!contact) return contact;
  return contact
    .replace(/(\d{3})\d{4}(\d{4})/g, '$1****$2')
    .replace(/([^\s@]{1,3})[^\s@]*@/g, '$1***@');
}
