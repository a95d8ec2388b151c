/**
 * One published report side by side: on the left the source as published (an HTML upload's page,
 * sanitised, in a sandboxed frame, and the text lines as read, numbered), on the right the parsed
 * tables in the template's layout. The cells findings concern are marked in both; choosing a
 * finding scrolls both panes (and the page in the frame) to it.
 *
 * Corrections: choosing a number in the tables opens a form to correct it (or fill a blank) with
 * a reason; the report comes back as its new version, checked again, the cell marked as read →
 * now, and the record lists every correction with who, when and why, each undoable.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { ApiFailure, get, post } from '../../api.js';
import { CorrectionForm, CorrectionLog, valueText, type CorrectionRequest } from '../../components/supervisor/Corrections.js';
import { FindingList } from '../../components/supervisor/FindingList.js';
import { ReportTables } from '../../components/supervisor/ReportTables.js';
import { SourceLines } from '../../components/supervisor/SourceLines.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import type { CorrectionView, FindingView, ReportView } from '../../components/supervisor/types.js';
import { Loading, Notice, PageTitle } from '../../components/ui.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { useSession } from '../../session.js';

ensureSupervisorStyles();

const FORMATS: Record<string, string> = { text: '纯文本', html: '网页（HTML）', docx: 'Word（.docx）', 'legacy-word': '旧版 Word/WPS', pdf: 'PDF', image: '图片（扫描件）', zip: 'ZIP', rtf: 'RTF', binary: '二进制文件' };

/**
 * Scroll `target` to the middle of its scrolling `pane` (leaving the page where it is); sideways
 * only as far as needed, so a table's row labels stay in view when they can.
 */
function centreIn(pane: HTMLElement | null, target: Element | null): void {
  if (!pane || !target) return;
  const p = pane.getBoundingClientRect();
  const t = target.getBoundingClientRect();
  pane.scrollTop += t.top - p.top - (pane.clientHeight - t.height) / 2;
  if (t.right > p.left + pane.clientWidth) pane.scrollLeft += t.right - (p.left + pane.clientWidth) + 16;
  else if (t.left < p.left) pane.scrollLeft -= p.left - t.left + 16;
}

function Meta({ r }: { r: ReportView }) {
  // An officer opens their own body's report here too; the body's page is the supervisor's.
  const { user } = useSession();
  const overseer = user?.role === 'supervisor' || user?.role === 'admin';
  const count = (s: FindingView['severity']) => r.findings.filter((f) => f.severity === s).length;
  return (
    <dl className="sv-meta">
      <dt>机关</dt>
      <dd>
        {r.body ? (
          <>
            {r.body.name}（{r.body.levelLabel}）
            {overseer && (
              <>
                {' '}
                <Link to={`/supervisor/bodies/${encodeURIComponent(r.body.id)}`}>该机关各年度</Link>
              </>
            )}
          </>
        ) : (r.unit ?? '（不明）')}
      </dd>
      <dt>年度</dt>
      <dd>{r.year ?? '（不明）'}</dd>
      <dt>落款日期</dt>
      <dd>{r.publishedOn ?? '（未读出）'}</dd>
      <dt>文件</dt>
      <dd>
        {r.fileName}（{FORMATS[r.format] ?? r.format}）
      </dd>
      <dt>检查发现</dt>
      <dd>
        错误 {count('error')} 个，警告 {count('warning')} 个，提示 {count('info')} 个
      </dd>
      <dt>版本</dt>
      <dd>
        第 {r.version} 版{r.corrected.length ? `（${r.corrected.length} 个单元格已更正，检查按更正后的数据）` : '（按原文读出，未更正）'}
      </dd>
    </dl>
  );
}

function Source({ r, frameCell, selected, paneRef }: { r: ReportView; frameCell: string; selected: number | null; paneRef: RefObject<HTMLDivElement | null> }) {
  return (
    <section className="sv-pane" aria-labelledby="source-h">
      <h2 id="source-h">原文（按发布的样子）</h2>
      {r.hasHtml && (
        <iframe
          className="sv-frame"
          sandbox=""
          title="原网页（已净化：脚本、链接和样式均已移除）"
          src={`/api/supervisor/reports/${r.id}/source.html${frameCell ? `#${frameCell}` : ''}`}
        />
      )}
      <div className="sv-scroll" ref={paneRef} tabIndex={0} role="region" aria-label="原文逐行（行号即发现所指的行）" data-pane="source">
        {r.lines.length ? <SourceLines lines={r.lines} findings={r.findings} selected={selected} /> : <p>没有可显示的原文。</p>}
      </div>
    </section>
  );
}

export default function ReportPage({ params }: PageProps) {
  const [r, setR] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [frameCell, setFrameCell] = useState('');
  const [announce, setAnnounce] = useState('');
  const sourcePane = useRef<HTMLDivElement>(null);
  const tablesPane = useRef<HTMLDivElement>(null);
  const panes = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [done, setDone] = useState('');

  const load = () =>
    get<ReportView>(`/api/supervisor/reports/${encodeURIComponent(params.id ?? '')}`).then(setR, (e) =>
      setError(e instanceof ApiFailure ? e.message : '加载失败，请稍后再试'),
    );

  /** Send a correction or an undo; the answer is the report's new version. */
  async function send(path: string, body: object, said: (next: ReportView) => string) {
    if (!r) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await post<ReportView>(path, { ...body, version: r.version });
      setR(next);
      setSelected(null);
      setPicked(null);
      const errors = next.findings.filter((f) => f.severity === 'error').length;
      const warnings = next.findings.filter((f) => f.severity === 'warning').length;
      setDone(`${said(next)}。已保存为第 ${next.version} 版并重新检查：错误 ${errors} 个，警告 ${warnings} 个。`);
    } catch (e) {
      setFailure({ message: e instanceof ApiFailure ? e.message : '保存失败，请稍后再试', stale: e instanceof ApiFailure && e.status === 409 });
    } finally {
      setBusy(false);
    }
  }

  const correct = (c: CorrectionRequest) =>
    send(`/api/supervisor/reports/${r!.id}/corrections`, c, (next) => `已更正 ${next.places[c.path] ?? c.path} 为 ${valueText(c.value)}`);
  const undo = (c: CorrectionView, reason: string) =>
    send(`/api/supervisor/reports/${r!.id}/corrections/${c.id}/undo`, { reason }, () => `已撤销第 ${c.version} 版的更正，${c.place} 恢复为 ${valueText(c.before)}`);

  useEffect(() => {
    void load();
  }, [params.id]);

  useEffect(() => {
    const f = selected === null ? undefined : r?.findings[selected];
    if (!f) return;
    const spot = f.spots[0];
    const line = spot ? document.getElementById(`sv-L${spot.line}`) : null;
    centreIn(sourcePane.current, line?.querySelector('.sv-selected') ?? line ?? null);
    const cell = f.cells.map((p) => document.getElementById(`sv-cell-${p}`)).find(Boolean) ?? null;
    centreIn(tablesPane.current, cell);
    const inPage = f.spots.find((s) => s.cell)?.cell;
    if (inPage) setFrameCell(inPage);
    panes.current?.scrollIntoView({ block: 'nearest' });
    setAnnounce(`已定位：${f.place}${spot ? `，原文第 ${spot.line} 行` : '（原文中无对应位置）'}`);
  }, [selected, r]);

  if (error) {
    return (
      <>
        <PageTitle>报告无法打开</PageTitle>
        <Notice kind="error">{error}</Notice>
        <p>
          <Link to="/supervisor">返回报告总览</Link>
        </p>
      </>
    );
  }
  if (!r) return <Loading what="报告" />;
  return (
    <>
      <PageTitle>
        {r.unit ?? r.fileName}
        {r.year ? ` ${r.year}年度` : ''}报告
      </PageTitle>
      <p>
        <Link to="/supervisor">返回报告总览</Link>
      </p>
      <Meta r={r} />
      {r.error && <Notice kind="error">无法读取：{r.error}</Notice>}
      <h2 id="findings-h">检查发现</h2>
      <FindingList findings={r.findings} selected={selected} onSelect={setSelected} />
      <p className="sr-only" role="status">
        {announce}
      </p>
      <h2 id="corrections-h">更正记录</h2>
      {done && (
        <Notice kind="success">{done}</Notice>
      )}
      {failure && (
        <Notice kind="error">
          {failure.message}
          {failure.stale && (
            <>
              {' '}
              <button type="button" className="secondary" onClick={() => void load().then(() => setFailure(null))}>
                刷新为最新版本
              </button>
            </>
          )}
        </Notice>
      )}
      <CorrectionLog r={r} busy={busy} onUndo={(c, reason) => void undo(c, reason)} />
      <div className="sv-panes" ref={panes}>
        <Source r={r} frameCell={frameCell} selected={selected} paneRef={sourcePane} />
        <section className="sv-pane" aria-labelledby="tables-h">
          <h2 id="tables-h">解析结果（按模板的表格）</h2>
          {picked && <CorrectionForm r={r} path={picked} busy={busy} onSubmit={(c) => void correct(c)} onCancel={() => setPicked(null)} />}
          <div className="sv-scroll sv-tables" ref={tablesPane} tabIndex={0} role="region" aria-label="解析出的表二、表三、表四（点击数字可更正）" data-pane="tables">
            <ReportTables
              tables={r.tables}
              findings={r.findings}
              selected={selected}
              corrected={r.corrected}
              places={r.places}
              picked={picked}
              onPick={r.error ? undefined : (path) => { setPicked(path); setDone(''); setFailure(null); }}
            />
          </div>
        </section>
      </div>
    </>
  );
}
