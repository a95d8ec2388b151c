/** The bodies in the signed-in supervisor's scope, with the years of their uploaded reports. */
import { useEffect, useState } from 'react';
import { get } from '../../api.js';
import type { AnalysisBody } from './types.js';

export function useScopedBodies(): { bodies: AnalysisBody[] | null; error: string | null } {
  const [bodies, setBodies] = useState<AnalysisBody[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<AnalysisBody[]>('/api/supervisor/analysis/bodies').then(setBodies, (e: Error) => setError(e.message));
  }, []);
  return { bodies, error };
}

/** Every year any body has a report of, newest first. */
export function yearsOf(bodies: readonly AnalysisBody[]): number[] {
  return [...new Set(bodies.flatMap((b) => b.years))].sort((a, b) => b - a);
}
