/**
 * The annual report as a form that mirrors the printed one: the metadata, then each of the six
 * sections with its text and — for 二, 三, 四 — its table in the official layout. Checked live in
 * the browser; saved, previewed and downloaded through the API.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { download, post, put } from '../../api.js';
import { Field, Notice } from '../../components/ui.js';
import { cellsOfFinding, cellOf, findingsByCell, splitPath } from '../../components/report/cells.js';
import { FindingsList, locate, placeOf } from '../../components/report/FindingsList.js';
import { ReportTable, type CellView } from '../../components/report/ReportTable.js';
import { localTime, reportPath, type ReportView, type SaveResult } from '../../components/report/types.js';
import { useLiveCheck } from '../../components/report/useLiveCheck.js';
import { useReportDraft, type ReportDraft } from '../../components/report/useReportDraft.js';
import { gridOfSection, widthsOfSection } from '../../../../src/render/layout.js';
import type { Finding } from '../../../../src/rules/finding.js';
import { placeName } from '../../../../src/rules/labels.js';
import { templateFor } from '../../../../src/template/templates.js';
import { ReportDepartures } from './ReportDepartures.js';
import { ReportToolbar, type FileFormat } from './ReportToolbar.js';
import '../../components/report/report.css';

const TABLE_NAMES: Record<number, string> = { 2: '表二', 3: '表三', 4: '表四' };

const messagesAt = (findings: readonly Finding[], at: string) =>
  findings.filter((f) => f.at === at).map((f) => f.message).join('；') || undefined;

function Metadata({ draft, findings, readOnly, year }: { draft: ReportDraft; findings: readonly Finding[]; readOnly: boolean; year: number }) {
  const r = draft.report;
  return (
    <fieldset className="report-meta">
      <legend>基本信息（{year} 年度）</legend>
      <Field label="机关名称" error={messagesAt(findings, 'unit')}>
        {(p) => <input {...p} data-at="unit" value={r.unit ?? ''} readOnly={readOnly} onChange={(e) => draft.setMeta('unit', e.target.value)} />}
      </Field>
      <Field label="标题" hint="留空则按“机关名称 + 年度 + 政府信息公开工作年度报告”生成">
        {(p) => <input {...p} data-at="title" value={r.title ?? ''} readOnly={readOnly} onChange={(e) => draft.setMeta('title', e.target.value)} />}
      </Field>
      <Field label="发布日期（落款日期）" hint="乡镇（街道）和部门一般应于次年1月31日前发布" error={messagesAt(findings, 'publishedOn')}>
        {(p) => <input {...p} type="date" data-at="publishedOn" value={r.publishedOn ?? ''} readOnly={readOnly} onChange={(e) => draft.setMeta('publishedOn', e.target.value)} />}
      </Field>
    </fieldset>
  );
}

export function ReportForm({ view, bodyId, year }: { view: ReportView; bodyId: string; year: number }) {
  const draft = useReportDraft(view.report);
  const findings = useLiveCheck(draft.report, view.previous);
  const byCell = useMemo(() => findingsByCell(findings, draft.report, draft.touched), [findings, draft.report, draft.touched]);
  const [saved, setSaved] = useState({ revision: view.revision, updatedAt: view.updatedAt, updatedByName: view.updatedByName, finalizedAt: view.finalizedAt, finalizedByName: view.finalizedByName });
  const revision = saved.revision;
  /** The saved revision as of now (定稿 right after a save must not wait for a render). */
  const revisionRef = useRef(view.revision);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const readOnly = !view.canEdit;
  const report = draft.report;

  useEffect(() => {
    if (!draft.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [draft.dirty]);

  const cell = (path: string): CellView => {
    const value = cellOf(report, path) ?? null;
    return { text: draft.textOf(path), value, invalid: draft.invalid.get(path) ?? null, findings: byCell.get(path) ?? [], register: cellOf(view.fromRegister, path) };
  };
  const numberOf = (f: Finding) => findings.indexOf(f) + 1;
  const targetOf = (f: Finding) => cellsOfFinding(f, report, draft.touched)[0] ?? (splitPath(f.at) || /^(sections\.\d|publishedOn|unit)$/.test(f.at) ? f.at : null);

  async function save(): Promise<boolean> {
    if (draft.invalid.size > 0) {
      const [first] = draft.invalid.keys();
      setNotice({ kind: 'error', text: `有 ${draft.invalid.size} 个单元格填写的不是数字（如 ${placeName(first!)}），请改正后再保存；没有数字的单元格请留空。` });
      locate(first!);
      return false;
    }
    setBusy('正在保存…');
    try {
      const result = await put<SaveResult>(reportPath(bodyId, year), { report, revision });
      setSaved(result);
      revisionRef.current = result.revision;
      draft.markSaved();
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      const reopened = saved.finalizedAt ? '修改后报告退回草稿，需要重新定稿。' : '';
      setNotice({ kind: 'success', text: `已保存（第 ${result.revision} 版）。${reopened}${errors ? `报告仍有 ${errors} 个错误，改正后才能定稿。` : '检查没有错误，可以定稿。'}` });
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: `保存失败：${(error as Error).message}` });
      return false;
    } finally {
      setBusy(null);
    }
  }

  /**
   * 定稿: unsaved edits saved first; refused here, saying why and taking the officer to the first
   * error, while the check finds one (the server refuses it too).
   */
  async function finalize() {
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      const where = [...new Set(errors.map((f) => `“${placeOf(f.at, report)}”`))].join('');
      setNotice({ kind: 'error', text: `报告还有 ${errors.length} 个错误，不能定稿：错误在${where}。请按下方“检查发现”中标为“错误”的各项改正，已转到第一项。` });
      const target = targetOf(errors[0]!);
      if (target) locate(target);
      return;
    }
    if (!(await savedFirst())) return;
    setBusy('正在定稿…');
    try {
      const result = await post<SaveResult>(`${reportPath(bodyId, year)}/finalize`, { revision: revisionRef.current });
      setSaved(result);
      setNotice({ kind: 'success', text: '已定稿。下载的 HTML、Word、PDF 不再标注“草稿”，可以发布；如需修改，改后保存即退回草稿，需要重新定稿。' });
    } catch (error) {
      setNotice({ kind: 'error', text: `不能定稿：${(error as Error).message}` });
    } finally {
      setBusy(null);
    }
  }

  /** Preview and files show the saved draft: save unsaved edits first. */
  const savedFirst = async () => readOnly || !draft.dirty || (await save());

  async function preview() {
    if (!(await savedFirst())) return;
    setPreviewKey(String(Date.now()));
    setTimeout(() => document.getElementById('report-preview')?.scrollIntoView({ block: 'start' }), 0);
  }

  async function fetchFile(format: FileFormat) {
    if (!(await savedFirst())) return;
    setBusy(format === 'pdf' ? '正在生成 PDF，请稍候…' : '正在生成文件…');
    try {
      await download(`${reportPath(bodyId, year)}/download?format=${format}`);
    } catch (error) {
      setNotice({ kind: 'error', text: `下载失败：${(error as Error).message}` });
    } finally {
      setBusy(null);
    }
  }

  function refill() {
    if (!confirm('把表二、表三、表四的全部数字恢复为台账生成的数字吗？正文和基本信息不变。')) return;
    draft.refill(view.fromRegister);
    setNotice({ kind: 'info', text: '表格已恢复为台账数字（尚未保存）。' });
  }

  return (
    <div className="report-editor">
      <p className="lead">
        {saved.finalizedAt
          ? `已定稿（第 ${saved.revision} 版，${localTime(saved.finalizedAt)} 由 ${saved.finalizedByName ?? ''} 定稿），下载的文件不再标注“草稿”；再修改并保存即退回草稿。`
          : saved.revision > 0
          ? `已保存的草稿（第 ${saved.revision} 版，${localTime(saved.updatedAt)} 由 ${saved.updatedByName ?? ''} 保存），尚未定稿：下载的文件标有“草稿”。`
          : '尚未保存：以下数字由申请台账生成，正文为草稿，请核对、补充后保存。'}
        表中标有“台账”的单元格与台账数字不同；空着的单元格表示没有数字（打印为“/”），不会按 0 计。
      </p>
      {readOnly && <Notice kind="info">您只能查看此报告，不能修改（只有本机关的经办人可以修改）。</Notice>}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <FindingsList findings={findings} report={report} targetOf={targetOf} />
      <ReportDepartures report={report} fromRegister={view.fromRegister} onRefill={readOnly ? null : refill} />
      <Metadata draft={draft} findings={findings} readOnly={readOnly} year={year} />
      {templateFor(report.template).sections.map((def) => {
        const grid = gridOfSection(report, def.no);
        const text = report.sections.find((s) => s.no === def.no)?.text ?? '';
        return (
          <section key={def.no} className="report-section" aria-labelledby={`section-title-${def.no}`}>
            <h2 id={`section-title-${def.no}`}>{def.title}</h2>
            <Field label={`${def.title}：正文`} error={messagesAt(findings, `sections.${def.no}`)}>
              {(p) => <textarea {...p} data-at={`sections.${def.no}`} rows={grid ? 3 : 8} value={text} readOnly={readOnly} onChange={(e) => draft.setSection(def.no, e.target.value)} />}
            </Field>
            {grid && (
              <ReportTable
                grid={grid}
                caption={`${TABLE_NAMES[def.no]} ${def.core}`}
                widths={widthsOfSection(def.no)}
                readOnly={readOnly}
                cell={cell}
                onChange={draft.setCell}
                numberOf={numberOf}
              />
            )}
          </section>
        );
      })}
      {previewKey && (
        <section id="report-preview" className="report-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">预览（官方版式，已保存的版本）</h2>
          <iframe title="年度报告预览（官方版式）" sandbox="" src={`${reportPath(bodyId, year)}/preview?v=${previewKey}`} />
          <button type="button" className="secondary" onClick={() => setPreviewKey(null)}>
            关闭预览
          </button>
        </section>
      )}
      <ReportToolbar
        findings={findings}
        canEdit={!readOnly}
        dirty={draft.dirty}
        final={saved.finalizedAt !== null}
        busy={busy}
        onSave={() => void save()}
        onFinalize={() => void finalize()}
        onPreview={() => void preview()}
        onDownload={(f) => void fetchFile(f)}
      />
    </div>
  );
}

