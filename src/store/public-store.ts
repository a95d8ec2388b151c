/**
 * What the public side keeps beside the register: a hash of each online application's query code,
 * and the text of an online 补正. Every change is audited in its own transaction.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { normalizeQueryCode, QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from '../register/public-form.js';
import { writeAudit } from './audit.js';
import type { Db } from './db.js';

/** A hash bound to its application, so one code never opens another application. */
function codeHash(applicationId: string, code: string): string {
  return createHash('sha256').update(`gongkai-query-code\n${applicationId}\n${normalizeQueryCode(code)}`).digest('base64url');
}

// Compared against when the application has no code, so an unknown number costs the same time.
const NO_HASH = codeHash('', 'none');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newQueryCode(): string {
  return Array.from({ length: QUERY_CODE_LENGTH }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join('');
}

export interface PublicRecord {
  bodyName: string;
  idKind: string;
}

export class PublicStore {
  constructor(private readonly db: Db) {}

  /**
   * Give a new application its query code, inside the transaction that adds it; returns the code,
   * which exists from then on only in the answer to the applicant (SHA-256 suffices: the code
   * carries ~59 random bits and is never chosen by a person).
   */
  static async issueCode(tx: Db, applicationId: string, idKind: string, actor: string): Promise<string> {
    const code = newQueryCode();
    await tx.query('INSERT INTO public_applications (application_id, code_hash, id_kind) VALUES ($1, $2, $3)', [applicationId, codeHash(applicationId, code), idKind]);
    await writeAudit(tx, actor, 'create', 'public-query-code', applicationId, null, { idKind });
    return code;
  }

  /** The application's body and 身份证明 kind when the code is its own; else null (unknown number or wrong code alike). */
  async lookup(applicationId: string, code: string): Promise<PublicRecord | null> {
    const row = (await this.db.query<{ code_hash: string; id_kind: string; body_name: string }>(
      `SELECT p.code_hash, p.id_kind, b.name AS body_name FROM public_applications p
         JOIN applications a ON a.id = p.application_id JOIN bodies b ON b.id = a.body_id
        WHERE p.application_id = $1`,
      [applicationId],
    ))[0];
    const matches = sameHash(codeHash(applicationId, code), row?.code_hash ?? NO_HASH);
    return row && matches ? { bodyName: row.body_name, idKind: row.id_kind } : null;
  }

  /**
   * Keep the text of an online correction, inside the transaction that records its event
   * (RegisterStore.recordEvent's `extra`): the text and the event are kept together or not at all.
   */
  static async saveCorrection(tx: Db, applicationId: string, text: string, on: string, actor: string): Promise<void> {
    await tx.query('INSERT INTO public_corrections (application_id, text, submitted_on) VALUES ($1, $2, $3)', [applicationId, text, on]);
    await writeAudit(tx, actor, 'create', 'public-correction', applicationId, null, { text, submittedOn: on });
  }

  async correction(applicationId: string): Promise<{ text: string; submittedOn: string } | null> {
    const row = (await this.db.query<{ text: string; submitted_on: string }>('SELECT text, submitted_on FROM public_corrections WHERE application_id = $1', [applicationId]))[0];
    return row ? { text: row.text, submittedOn: row.submitted_on } : null;
  }
}
