/**
 * A save refused: the server's Chinese reason, and when someone else saved the record first (409:
 * the edit began from an older version) a 刷新 button that reloads the page with what they saved,
 * so the person can check it and edit again instead of overwriting it.
 */
import { ApiFailure } from '../api.js';
import { Notice } from './ui.js';

/** Whether the save was refused because the record changed since it was read. */
export const isStale = (error: unknown): boolean => error instanceof ApiFailure && error.status === 409;

export function SaveFailure({ error, fallback = '保存失败，请稍后重试' }: { error: unknown; fallback?: string }) {
  const text = error instanceof ApiFailure ? error.message : fallback;
  return (
    <Notice kind="error">
      {text}
      {isStale(error) && (
        <>
          本页尚未保存的修改在刷新后不会保留，需要的请先复制。{' '}
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            刷新
          </button>
        </>
      )}
    </Notice>
  );
}
