/**
 * The item's attachments: download, upload (size limit from the server), removal. Files added to
 * a published item belong to its change and become public only when the change passes review.
 */
import { useRef, useState } from 'react';
import { api, del, download } from '../../api.js';
import { Field, Notice } from '../ui.js';
import { fileSize } from './common.js';
import type { Attachment, Detail } from './types.js';

function Label({ a }: { a: Attachment }) {
  return (
    <>
      {a.pending && <span className="badge badge-warning">变更中新增，审核通过后公开</span>}
      {a.removed && <span className="badge badge-warning">变更通过后删除</span>}
    </>
  );
}

export function AttachmentPanel({ d, maxBytes, onChanged }: { d: Detail; maxBytes: number; onChanged(message: string): Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    const file = input.current?.files?.[0];
    setError(null);
    if (!file) return setError('请先选择文件');
    if (file.size > maxBytes) return setError(`附件“${file.name}”有 ${fileSize(file.size)}，超过 ${fileSize(maxBytes)} 的上限`);
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      await api('POST', `/api/office/catalogue/items/${d.id}/attachments`, form);
      if (input.current) input.current.value = '';
      await onChanged(`已上传附件“${file.name}”。`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: Attachment) => {
    setError(null);
    try {
      await del(`/api/office/catalogue/items/${d.id}/attachments/${a.id}${a.pending ? '?pending=1' : ''}`);
      await onChanged(a.pending || !d.status.match(/published|approved/) ? `已删除附件“${a.fileName}”。` : `附件“${a.fileName}”将在变更审核通过后删除。`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">附件</h2>
      {d.attachments.length === 0 ? (
        <p className="hint">没有附件。</p>
      ) : (
        <ul className="cof-plain">
          {d.attachments.map((a) => (
            <li key={`${a.pending}-${a.id}`} className="cof-box">
              <button type="button" className="secondary" onClick={() => void download(a.url).catch((e: Error) => setError(e.message))}>
                下载 {a.fileName}
              </button>{' '}
              <span className="hint">
                {fileSize(a.size)} · SHA-256 {a.sha256.slice(0, 16)}…
              </span>{' '}
              <Label a={a} />
              {d.can.edit && !a.removed && (
                <>
                  {' '}
                  <button type="button" className="secondary" aria-label={`删除附件 ${a.fileName}`} onClick={() => void remove(a)}>
                    删除
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.can.edit && (
        <div className="cof-box">
          <Field label="上传附件" hint={`每个文件不超过 ${fileSize(maxBytes)}${d.status === 'published' || d.status === 'approved' ? '；已发布信息的新附件在变更审核通过后公开' : ''}`}>
            {(p) => <input {...p} ref={input} type="file" />}
          </Field>
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => void upload()}>
              {busy ? '正在上传…' : '上传'}
            </button>
          </div>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}
