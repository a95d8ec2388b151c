/**
 * Which body's reports: an officer's or reviewer's own; the administrator chooses one (kept in
 * the address as `?body=`, so a link says which body it is about).
 */
import { useEffect, useState } from 'react';
import { get } from '../../api.js';
import { navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { Field, Notice } from '../ui.js';

interface BodyRow {
  id: string;
  name: string;
}

/** The body the page is about, or null when the user must choose one. */
export function useReportBody(): string | null {
  const { user } = useSession();
  const { search } = useLocation();
  if (user && user.bodies.length === 1) return user.bodies[0]!;
  return search.get('body');
}

/** `?body=` for links, when the body is not implied by the account. */
export function bodyQuery(bodyId: string): string {
  return `?body=${encodeURIComponent(bodyId)}`;
}

export function BodyPicker() {
  const [bodies, setBodies] = useState<BodyRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { path } = useLocation();
  useEffect(() => {
    get<BodyRow[]>('/api/bodies').then(setBodies, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Notice kind="error">{error}</Notice>;
  return (
    <div className="narrow">
      <Field label="选择机关" hint="管理员可查看任一机关的年度报告">
        {(p) => (
          <select {...p} defaultValue="" onChange={(e) => e.target.value && navigate(`${path}${bodyQuery(e.target.value)}`)}>
            <option value="">{bodies ? '请选择' : '正在加载…'}</option>
            {(bodies ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
