/**
 * The report checked in the browser as the officer types: the same pure `checkDraft` the
 * server runs, a short pause after the last keystroke so typing stays smooth.
 */
import { useEffect, useState } from 'react';
import type { AnnualReport } from '../../../../src/model/report.js';
import { checkDraft } from '../../../../src/rules/draft-check.js';
import type { Finding } from '../../../../src/rules/finding.js';

const CHECK_DELAY_MS = 250;

export function useLiveCheck(report: AnnualReport, previous: AnnualReport | null): Finding[] {
  const [findings, setFindings] = useState<Finding[]>(() => checkDraft(report, previous));
  useEffect(() => {
    const timer = setTimeout(() => setFindings(checkDraft(report, previous)), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [report, previous]);
  return findings;
}
