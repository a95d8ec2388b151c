/**
 * A finding's fingerprint: the same defect keeps the same fingerprint across re-uploads and
 * corrections — a hash of the body (its id, or the printed unit when no body was matched), the
 * year, the rule's code and the place (`at`). The messages and the numbers it quotes may change
 * (a corrected neighbour changes an expected sum); the defect is the same. The base of findings
 * handled as work (confirmed, dismissed) later.
 */
import { createHash } from 'node:crypto';
import { bodyKey } from '../../corpus/outputs.js';
import type { Finding } from '../../rules/finding.js';

export type FingerprintedFinding = Finding & { fingerprint: string };

export function fingerprintOf(who: { bodyId: string | null; unit: string | null }, year: number | null, f: Pick<Finding, 'code' | 'at'>): string {
  const body = who.bodyId ?? `unit:${bodyKey(who.unit)}`;
  return createHash('sha256').update(JSON.stringify([body, year, f.code, f.at])).digest('hex').slice(0, 16);
}

/** The findings with their fingerprints (kept when already there). */
export function withFingerprints(findings: readonly Finding[], who: { bodyId: string | null; unit: string | null }, year: number | null): FingerprintedFinding[] {
  return findings.map((f) => {
    const given = (f as Partial<FingerprintedFinding>).fingerprint;
    return { ...f, fingerprint: given ?? fingerprintOf(who, year, f) };
  });
}
