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

/**
 * Phone numbers inside a contact line — mobiles (13812345678 → 138****5678) and landlines with
 * their area code (0871-12345678 → 087*-****5678): any run of seven or more digits (with - or
 * spaces inside) keeps its first three and last four digits. E-mail local parts are cut short.
 */
export function maskContact(contact: string | undefined): string | undefined {
  if (!contact) return contact;
  return contact
    .replace(/\d[\d -]{5,}\d/g, (run) => {
      const digits = run.replace(/\D/g, '').length;
      if (digits < 7) return run;
      let seen = 0;
      return run.replace(/\d/g, (d) => (++seen <= 3 || seen > digits - 4 ? d : '*'));
    })
    .replace(/([^\s@]{1,3})[^\s@]*@/g, '$1***@');
}
