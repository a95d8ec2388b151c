/**
 * The regions of the supervisor's scope: each region's 年度报告质量评估 (printable page, Word) for
 * a year, and its public page of reports — switched on or off by the administrator or a supervisor
 * of the whole region, with the address to give the public.
 */
import { useState } from 'react';
import { ApiFailure, download, put } from '../../api.js';
import { ensureBodyStyles } from '../../components/body/styles.js';
import type { RegionSettings } from '../../components/body/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import { Link } from '../../router.js';

ensureBodyStyles();

type Region = RegionSettings['regions'][number];

function Row({ r, year, busy, onSwitch, onError }: { r: Region; year: number; busy: boolean; onSwitch: (r: Region) => void; onError: (m: string) => void }) {
  const base = `/api/supervisor/regions/${r.code}/assessment?year=${year}`;
  const publicPath = `/regions/${r.code}/reports?year=${year}`;
  return (
    <li className="rg-row" style={{ paddingLeft: `${r.depth * 1.25}rem` }}>
      <span className="rg-name">{r.name}</span>
      <a className="button secondary" href={`${base}&format=html`} target="_blank" rel="noopener" aria-label={`${r.name}${year}年度质量评估（可打印）`}>
        查看质量评估
      </a>
      <button type="button" className="secondary" onClick={() => download(`${base}&format=docx`).catch((e: Error) => onError(e.message))} aria-label={`下载${r.name}${year}年度质量评估（Word）`}>
        下载 Word
      </button>
      <span>{r.public ? <>公开页已开通：<Link to={publicPath}>查看公开页</Link></> : '公开页未开通'}</span>
      {r.canSet ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => onSwitch(r)}>
          {r.public ? '关闭公开页' : '开通公开页'}
        </button>
      ) : (
        <span className="hint">（您只监督该地区的部分机关，不能开通）</span>
      )}
      {r.bodies.length > 0 && (
        <span className="rg-bodies">
          机关：
          {r.bodies.map((b, i) => (
            <span key={b.id}>
              {i > 0 && '、'}
              <Link to={`/supervisor/bodies/${encodeURIComponent(b.id)}`}>{b.name}</Link>
            </span>
          ))}
        </span>
      )}
    </li>
  );
}

export default function RegionsPage() {
  const { data, error, set } = useGet<RegionSettings>('/api/supervisor/regions');
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState(lastYear);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function switchPage(r: Region) {
    setBusy(true);
    try {
      set(await put<RegionSettings>(`/api/supervisor/regions/${r.code}/public`, { on: !r.public }));
      setMessage({ kind: 'success', text: r.public ? `已关闭${r.name}的公开页。` : `已开通${r.name}的公开页：公众无需登录即可查看各机关年度报告的发布和检查情况。` });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiFailure ? e.message : '操作失败，请稍后再试' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>地区评估与公开</PageTitle>
      <p className="lead">
        质量评估按检查发现和指标逐项写成（同样的数据得出同样的文字）。开通公开页后，公众可在
        “地区年度报告公开页”看到该地区每个机关某年度报告的发布日期、是否按时、错误个数和未发布的机关，并下载更正后的表格数据。
      </p>
      <Field label="年度">
        {(p) => (
          <select {...p} className="rg-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2, 3, 4].map((k) => <option key={k} value={lastYear - k}>{lastYear - k}年度</option>)}
          </select>
        )}
      </Field>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading what="地区" />}
      {data && (data.regions.length ? (
        <ul className="rg-list">
          {data.regions.map((r) => (
            <Row key={r.code} r={r} year={year} busy={busy} onSwitch={(x) => void switchPage(x)} onError={(m) => setMessage({ kind: 'error', text: m })} />
          ))}
        </ul>
      ) : <p>监督范围内的机关还没有归入地区（请管理员在机关名录中设置）。</p>)}
    </>
  );
}
