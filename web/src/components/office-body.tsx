/**
 * Which body an officer's page (the register, the catalogue) shows: an officer's or reviewer's
 * own; an administrator, who reads any body's, picks one first.
 */
import { useState, type ReactNode } from 'react';
import { useGet } from '../hooks.js';
import { navigate, useLocation } from '../router.js';
import { useSession, type SessionUser } from '../session.js';
import { Field, Loading, Notice } from './ui.js';

/** The body whose pages to show: an officer's or reviewer's own; an administrator's choice (?body=). */
export function bodyOf(user: SessionUser | null, search: URLSearchParams): string | null {
  if (!user) return null;
  if (user.role === 'admin') return search.get('body');
  return user.bodies[0] ?? null;
}

/** An administrator picks a body; the page at `path` opens with it. */
function BodyPicker({ path, action }: { path: string; action: string }) {
  const { data } = useGet<{ id: string; name: string }[]>('/api/bodies');
  const [body, setBody] = useState('');
  if (!data) return <Loading what="机关列表" />;
  return (
    <form
      className="narrow"
      onSubmit={(e) => {
        e.preventDefault();
        if (body) navigate(`${path}?body=${encodeURIComponent(body)}`);
      }}
    >
      <Field label="机关">
        {(p) => (
          <select {...p} value={body} onChange={(e) => setBody(e.target.value)}>
            <option value="">请选择</option>
            {data.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit">{action}</button>
      </div>
    </form>
  );
}

/**
 * `children` with the body to show; for an administrator who has not picked one yet, the picker
 * (its button saying `action`, leading back to `path`); for an account without a body, why not.
 */
export function ForBody({ path, action, children }: { path: string; action: string; children(bodyId: string, user: SessionUser): ReactNode }) {
  const { user } = useSession();
  const { search } = useLocation();
  const bodyId = bodyOf(user, search);
  if (bodyId && user) return <>{children(bodyId, user)}</>;
  if (user?.role === 'admin') return <BodyPicker path={path} action={action} />;
  return <Notice kind="error">您的账号没有所属机关，请联系管理员。</Notice>;
}
