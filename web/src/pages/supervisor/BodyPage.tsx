/**
 * A body's page for the supervisor: its 年度报告质量评估 (printable page, Word), its years side by
 * side (tables 二, 三, 四 with the changes from the year before marked), its narrative beside last
 * year's with the shared passages highlighted in both, its findings of each year with their
 * status, and its indicators against its region's median.
 */
import { useState } from 'react';
import { download } from '../../api.js';
import { ensureBodyStyles } from '../../components/body/styles.js';
import type { BodyPage as Page, BodyYear } from '../../components/body/types.js';
import { deltaText, YearTables } from '../../components/body/YearTables.js';
import { formatChange, formatValue } from '../../components/indicators/format.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import { SEVERITY_BADGE, SEVERITY_TEXT, type Severity } from '../../components/supervisor/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureSupervisorStyles();
ensureBodyStyles();

const percent = (x: number) => `${Math.round(x * 100)}%`;

function Assessment({ page }: { page: Page }) {
  const years = page.years.map((y) => y.year);
  const lastYear = new Date().getFullYear() - 1;
  const choices = years.length ? years : [lastYear];
  const [year, setYear] = useState(choices[0]!);
  const [error, setError] = useState('');
  const base = `/api/supervisor/bodies/${encodeURIComponent(page.body.id)}/assessment?year=${year}`;
  return (
    <div className="bd-assess">
      <Field label="评估年度">
        {(p) => (
          <select {...p} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {choices.map((y) => <option key={y} value={y}>{y}年度</option>)}
          </select>
        )}
      </Field>
      <a className="button secondary" href={`${base}&format=html`} target="_blank" rel="noopener">查看评估（可打印）</a>
      <button type="button" onClick={() => download(`${base}&format=docx`).then(() => setError(''), (e: Error) => setError(e.message))}>
        下载评估（Word）
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}

function YearColumn({ y }: { y: BodyYear }) {
  return (
    <section className="bd-year" aria-labelledby={`bd-y-${y.year}`}>
      <h3 id={`bd-y-${y.year}`}>{y.year}年度</h3>
      <p className="bd-sub">
        发布日期 {y.publishedOn ?? '未读出'}；第 {y.version} 版{y.corrected ? `，已更正 ${y.corrected} 格` : ''}；
        {y.previousYear ? `与${y.previousYear}年度相比 ${y.changes.length} 格有变化` : '没有上一年度的报告可比'}。{' '}
        <Link to={`/supervisor/reports/${y.reportId}`}>打开报告（原文对照、更正）</Link>
      </p>
      {y.changes.length > 0 && (
        <details className="bd-changes">
          <summary>变化清单（{y.changes.length} 格）</summary>
          <ul>
            {y.changes.map((c) => (
              <li key={c.path}>
                {c.place}：{c.before ?? '空白'} → {c.after ?? '空白'}（{deltaText(c)}）
              </li>
            ))}
          </ul>
        </details>
      )}
      <YearTables year={y} />
    </section>
  );
}

function Passages({ sections }: { sections: NonNullable<BodyYear['narrative']>['current'] }) {
  if (!sections.length) return <p>（报告中没有第一、五、六部分的正文）</p>;
  return (
    <>
      {sections.map((s) => (
        <div key={s.no}>
          <h4>{s.title}</h4>
          <p>
            {s.segments.map((seg, i) => (seg.shared ? <mark key={i} className="bd-shared">{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
          </p>
        </div>
      ))}
    </>
  );
}

function Narratives({ years }: { years: readonly BodyYear[] }) {
  const pairs = years.filter((y) => y.narrative);
  if (!pairs.length) return <p>没有相邻两个年度都能读出的报告，无法比较正文。</p>;
  return (
    <>
      <p className="bd-legend">
        <mark className="bd-shared">高亮</mark>的是两年报告中相同的段落（不计数字和日期；12 字以下的常用语不标）。相似度按“内容雷同”规则计算（去掉模板用语、机关名称、数字和日期后比较），80% 及以上记为内容雷同。
      </p>
      {pairs.map((y) => {
        const n = y.narrative!;
        return (
          <div key={y.year}>
            <h3>
              {y.year}年度与{y.previousYear}年度：相似度 {percent(n.score)}
              {n.score >= 0.8 && <> <span className="badge badge-warning">内容雷同</span></>}
            </h3>
            <p>
              {y.year}年度正文中 {percent(n.coverage.current)} 的文字与上年相同；{y.previousYear}年度正文中 {percent(n.coverage.previous)} 的文字在本年重现。
            </p>
            <div className="bd-text">
              <section aria-label={`${y.previousYear}年度正文`}>
                <h3>{y.previousYear}年度</h3>
                <Passages sections={n.previous} />
              </section>
              <section aria-label={`${y.year}年度正文`}>
                <h3>{y.year}年度</h3>
                <Passages sections={n.current} />
              </section>
            </div>
          </div>
        );
      })}
    </>
  );
}

function Findings({ page }: { page: Page }) {
  const groups = [...page.years.map((y) => ({ year: y.year, findings: y.findings })), ...(page.otherFindings.length ? [{ year: 0, findings: page.otherFindings }] : [])];
  if (!groups.some((g) => g.findings.length)) return <p>各年度报告都没有检查发现。</p>;
  return (
    <>
      {groups.map((g) => (
        <div key={g.year}>
          <h3>{g.year ? `${g.year}年度` : '报告已不在的年度'}（{g.findings.length} 个）</h3>
          {g.findings.length ? (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr><th scope="col">位置</th><th scope="col">问题</th><th scope="col">严重程度</th><th scope="col">状态</th></tr>
                </thead>
                <tbody>
                  {g.findings.map((f) => (
                    <tr key={f.fingerprint}>
                      <td>{f.place}</td>
                      <td>{f.message}{f.reason ? `（驳回理由：${f.reason}）` : ''}</td>
                      <td><span className={`badge ${SEVERITY_BADGE[f.severity as Severity] ?? 'badge-info'}`}>{SEVERITY_TEXT[f.severity as Severity] ?? f.severity}</span></td>
                      <td>{f.statusLabel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p>没有检查发现。</p>}
        </div>
      ))}
      <p><Link to={`/supervisor/issues?body=${encodeURIComponent(page.body.id)}`}>在问题清单中确认或驳回</Link></p>
    </>
  );
}

/** A value with its unit when the unit is not a percent sign (20 件, 1.50 万元). */
const shown = (r: { unit: string }, x: number | null) => (x === null || r.unit === '%' ? formatValue(r, x) : `${formatValue(r, x)} ${r.unit}`);

function Indicators({ page }: { page: Page }) {
  const ind = page.indicators;
  if (!ind) return <p>没有可读的报告，无法计算指标。</p>;
  return (
    <>
      <p>
        {ind.year}年度，与{ind.region ? ind.region.name : '监督范围'}内有报告的 {ind.bodies} 个机关比较（中位数和 P10–P90 只计分母足够大的机关）。
        <Link to={`/supervisor/indicators?year=${ind.year}${ind.region ? `&region=${ind.region.code}` : ''}`}>查看地区指标表</Link>
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">指标</th><th scope="col">本机关</th><th scope="col">地区中位数</th><th scope="col">P10–P90</th>
              <th scope="col">地区合计</th><th scope="col">与上年比</th><th scope="col">预警</th>
            </tr>
          </thead>
          <tbody>
            {ind.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td className="num">{shown(r, r.value)}{r.reason && <span className="hint">（{r.reason}）</span>}</td>
                <td className="num">{shown(r, r.median)}</td>
                <td className="num">{r.p10 === null ? '—' : `${shown(r, r.p10)}～${shown(r, r.p90)}`}</td>
                <td className="num">{shown(r, r.regionValue)}</td>
                <td className="num">{formatChange(r, r.change)}</td>
                <td>{r.flag ? <span className={`bd-flag-${r.flag}`}>{r.flag === 'red' ? '红色预警' : '黄色预警'}</span> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function BodyPage({ params }: PageProps) {
  const { data: page, error } = useGet<Page>(`/api/supervisor/bodies/${encodeURIComponent(params.id ?? '')}`);
  if (error) {
    return (
      <>
        <PageTitle>机关无法打开</PageTitle>
        <Notice kind="error">{error}</Notice>
        <p><Link to="/supervisor">返回报告总览</Link></p>
      </>
    );
  }
  if (!page) return <Loading what="机关" />;
  const b = page.body;
  return (
    <>
      <PageTitle>{b.name}</PageTitle>
      <p>
        {b.levelLabel}{b.regionName ? `，${b.regionName}` : ''}；{b.worksHere ? '在本系统办理' : '仅收录已发布的报告'}。{' '}
        <Link to="/supervisor">返回报告总览</Link>
      </p>
      <h2>年度报告质量评估</h2>
      <Assessment page={page} />
      <h2>各年度报告（表二、表三、表四）</h2>
      {page.years.length ? (
        <>
          <p className="bd-legend"><span className="bd-swatch" aria-hidden="true" />框出的单元格与上一年度不同，▲ 为增加、▼ 为减少；表格按更正后的数据。</p>
          <div className="bd-years" tabIndex={0} role="region" aria-label="各年度表格并列（可横向滚动）">
            {page.years.map((y) => <YearColumn key={y.year} y={y} />)}
          </div>
        </>
      ) : <p>尚未上传该机关的年度报告。</p>}
      <h2>正文与上年比较</h2>
      <Narratives years={page.years} />
      <h2>检查发现（各年度）</h2>
      <Findings page={page} />
      <h2>指标与地区中位数</h2>
      <Indicators page={page} />
    </>
  );
}
