/**
 * 上传报告: many published reports at once — files, a whole folder, or ZIP archives — in every
 * format gongkai reads. Files are sent in batches within the server's limits; each file's result
 * (read, unreadable with the reason, refused) is listed with a link to its report.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiFailure, get, post } from '../../api.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import type { UploadLimits, UploadResult } from '../../components/supervisor/types.js';
import { Field, Notice, PageTitle } from '../../components/ui.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureSupervisorStyles();

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** The name to send: a folder's relative path when there is one. */
const nameOf = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

/** Batches within the limits: at most `maxFiles` files and `maxRequestBytes` bytes each. */
function batches(files: readonly File[], l: UploadLimits): File[][] {
  const out: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length && (current.length >= l.maxFiles || bytes + f.size > l.maxRequestBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length) out.push(current);
  return out;
}

const refusedResult = (file: string, error: string): UploadResult => ({
  file, ok: false, reportId: null, unit: null, year: null, bodyId: null, bodyName: null, match: null, replaced: null, sameYear: null, errors: 0, warnings: 0, error,
});

function Outcome({ r }: { r: UploadResult }) {
  if (r.ok) return <span className="badge badge-ok">已读取</span>;
  if (r.reportId !== null) return <span className="badge badge-error">无法读取</span>;
  return <span className="badge badge-error">未保存</span>;
}

/** 已匹配（方式）, 待匹配 (with a link to the list), or nothing for a file not read. */
function Match({ r }: { r: UploadResult }) {
  if (r.match?.status === 'matched') return <span className="badge badge-ok">已匹配（{r.match.method}）</span>;
  if (r.match?.status === 'pending') {
    return (
      <>
        <span className="badge badge-warning">待匹配</span> <Link to="/supervisor/pending">{r.match.candidates ? `${r.match.candidates} 个候选，去选择` : '去选择或新建'}</Link>
      </>
    );
  }
  return null;
}

function Results({ results }: { results: UploadResult[] }) {
  const read = results.filter((r) => r.ok).length;
  const unreadable = results.filter((r) => !r.ok && r.reportId !== null).length;
  const refused = results.filter((r) => r.reportId === null).length;
  const pending = results.filter((r) => r.match?.status === 'pending').length;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">上传结果</h2>
      <Notice kind={refused || unreadable ? 'warning' : 'success'}>
        共 {results.length} 个文件：已读取 {read} 个，无法读取 {unreadable} 个，未保存 {refused} 个。
        {pending > 0 && (
          <>
            其中 {pending} 份报告未能在您的监督范围内确定机关，已保存，<Link to="/supervisor/pending">请到“待匹配”选择或新建机关</Link>。
          </>
        )}{' '}
        <Link to="/supervisor">查看报告总览</Link>
      </Notice>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">每个文件的上传结果</caption>
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">结果</th>
              <th scope="col">报告所署机关</th>
              <th scope="col">匹配</th>
              <th scope="col">年度</th>
              <th scope="col">错误</th>
              <th scope="col">警告</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={`${r.file}-${i}`}>
                <th scope="row">{r.reportId !== null ? <Link to={`/supervisor/reports/${r.reportId}`}>{r.file}</Link> : r.file}</th>
                <td>
                  <Outcome r={r} />
                </td>
                <td>
                  {r.unit ?? ''}
                  {r.bodyName && r.bodyName !== r.unit && <span className="hint">（名录：{r.bodyName}）</span>}
                </td>
                <td>
                  <Match r={r} />
                </td>
                <td>{r.year ?? ''}</td>
                <td className="num">{r.ok ? r.errors : ''}</td>
                <td className="num">{r.ok ? r.warnings : ''}</td>
                <td>{[r.error, r.replaced, r.sameYear].filter(Boolean).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function UploadPage(_props: PageProps) {
  const [limits, setLimits] = useState<UploadLimits | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [folder, setFolder] = useState<File[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const [results, setResults] = useState<UploadResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    get<UploadLimits>('/api/supervisor/uploads/limits').then(setLimits, () => setError('无法读取上传限制，请刷新页面'));
    // Choosing a folder is not in React's typings; the attribute is set directly.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const chosen = [...files, ...folder];
  const tooBig = limits ? chosen.filter((f) => f.size > limits.maxFileBytes) : [];
  const sendable = chosen.filter((f) => !tooBig.includes(f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!limits || !sendable.length) return;
    const all: UploadResult[] = tooBig.map((f) => refusedResult(nameOf(f), `文件有 ${size(f.size)}，超过每个文件的上限 ${size(limits.maxFileBytes)}，未上传`));
    const parts = batches(sendable, limits);
    setResults(null);
    setError(null);
    for (const [i, part] of parts.entries()) {
      setProgress(`正在上传并检查第 ${i + 1} / ${parts.length} 批（${part.length} 个文件）…`);
      const form = new FormData();
      for (const f of part) form.append('file', f, nameOf(f));
      try {
        all.push(...(await post<{ results: UploadResult[] }>('/api/supervisor/uploads', form)).results);
      } catch (err) {
        const why = err instanceof ApiFailure ? err.message : '上传失败，请检查网络后重试';
        all.push(...part.map((f) => refusedResult(nameOf(f), why)));
      }
    }
    setProgress(null);
    setResults(all);
  };

  return (
    <>
      <PageTitle>上传报告</PageTitle>
      <p className="lead">
        上传已发布的政府信息公开工作年度报告：可一次选择多个文件、整个文件夹或 ZIP 压缩包。支持网页（HTML）、Word（.docx，装有 LibreOffice 时也支持 .doc/.wps）、PDF（扫描件需装有文字识别）、纯文本和 Markdown。
        报告按所署机关在您的监督范围内匹配（全称、别名，或地区加简称）；不能唯一确定机关的报告先保存在“待匹配”，由您选择或新建机关，系统不会自动新建机关。名录中已有、但不在您监督范围内的机关的报告不会保存。
      </p>
      {limits && (
        <p className="hint">
          每个文件不超过 {size(limits.maxFileBytes)}；文件多时自动分批上传（每批最多 {limits.maxFiles} 个）。
        </p>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={submit}>
        <Field label="选择文件（可多选，可包含 ZIP 压缩包）">
          {(p) => <input {...p} type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />}
        </Field>
        <Field label="或选择整个文件夹" hint="文件夹中的全部文件都会上传">
          {(p) => <input {...p} ref={folderInput} type="file" multiple onChange={(e) => setFolder([...(e.target.files ?? [])])} />}
        </Field>
        {chosen.length > 0 && (
          <p className="sv-files" role="status">
            已选择 {chosen.length} 个文件，共 {size(chosen.reduce((n, f) => n + f.size, 0))}。
            {tooBig.length > 0 && ` 其中 ${tooBig.length} 个超过大小上限，不会上传。`}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={!limits || !sendable.length || progress !== null}>
            上传并检查
          </button>
        </div>
      </form>
      {progress && <Notice>{progress}</Notice>}
      {results && <Results results={results} />}
    </>
  );
}
