/**
 * Small building blocks every page uses, accessible by construction: a field is always a label
 * with its input and its error tied by aria-describedby; messages are live regions.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** The site's name, the last part of every page's title. */
export const SITE_NAME = '政府信息公开';

/**
 * An identifier shown as data (an application number, an index number, a user name): marked so a
 * browser's translator and the UI-language test leave it alone.
 */
export function Id({ children }: { children: ReactNode }) {
  return (
    <span className="gk-id" translate="no">
      {children}
    </span>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const heading = ref.current?.textContent ?? '';
    // The home page's heading is the site's name: do not say it twice.
    document.title = heading && heading !== SITE_NAME ? `${heading} · ${SITE_NAME}` : SITE_NAME;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Field({ label, hint, error, children }: { label: ReactNode; hint?: ReactNode; error?: string | undefined; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error && <p className="error-text" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ what = '内容' }: { what?: string }) {
  return <p role="status" className="loading">正在加载{what}…</p>;
}
