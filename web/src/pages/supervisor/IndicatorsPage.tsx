/**
 * 指标: the bodies of a region (or of the whole scope) × the indicators of one year, computed from
 * the published reports' tables (corrections applied). Red and yellow flags in colour and in words,
 * columns sortable, the region's total, median and P10–P90 beneath, a body's values against the
 * region's median, the region's thresholds (editable by whoever oversees the whole region), and
 * the Excel export. Every filter and the sort live in the address, so a view can be shared.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiFailure, download, get, put, query } from '../../api.js';
import { ensureIndicatorStyles, FLAG_WORDS, formatChange, formatValue, type BodyRow, type IndicatorInfo, type IndicatorTable } from '../../components/indicators/format.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { Link, navigate, useLocation } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureIndicatorStyles();

const PATH = '/supervisor/indicators';
const SHOW = { '': '全部机关', flagged: '有预警的机关', red: '有红色预警的机关', reported: '有该年度报告的机关' } as const;
type Show = keyof typeof SHOW;

interface Params {
  year: string;
  region: string;
  q: string;
  show: Show;
  sort: string;
  dir: 'asc' | 'desc';
  body: string;
}

function paramsOf(search: URLSearchParams): Params {
  const show = search.get('show') ?? '';
  return {
    year: search.get('year') ?? '',
    region: search.get('region') ?? '',
    q: search.get('q') ?? '',
    show: (show in SHOW ? show : '') as Show,
    sort: search.get('sort') ?? '',
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
    body: search.get('body') ?? '',
  };
}

const go = (p: Params) => navigate(`${PATH}${query({ ...p, dir: p.sort ? p.dir : '' })}`, true);

function sortRows(rows: BodyRow[], sort: string, dir: 'asc' | 'desc'): BodyRow[] {
  const sign = dir === 'desc' ? -1 : 1;
  const key = (b: BodyRow): number | null => (sort === 'flags' ? b.red * 1000 + b.yellow : b.cells[sort]?.value ?? null);
  return [...rows].sort((a, b) => {
    if (!sort || sort === 'name') return sign * a.name.localeCompare(b.name, 'zh-CN');
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1; // no value: last either way
    return sign * (x - y) || a.name.localeCompare(b.name, 'zh-CN');
  });
}

function ValueCell({ i, b }: { i: IndicatorInfo; b: BodyRow }) {
  const c = b.cells[i.key];
  if (!b.reported || !c) return <td className="num">—</td>;
  const cls = c.flag ? `num ind-${c.flag}` : 'num';
  return (
    <td className={cls} title={c.reason ?? undefined}>
      {formatValue(i, c.value)}
      {c.flag && <span className="ind-flag">{FLAG_WORDS[c.flag]}</span>}
      {c.value === null && <span className="ind-note">无法计算</span>}
      {c.value !== null && !c.judged && i.minDenominator !== null && <span className="ind-note">样本少，不评判</span>}
    </td>
  );
}

function SortButton({ label, k, p }: { label: string; k: string; p: Params }) {
  const active = p.sort === k || (!p.sort && k === 'name');
  const next = active && p.dir === 'asc' ? 'desc' : 'asc';
  return (
    <button
      type="button"
      onClick={() => go({ ...p, sort: k, dir: next })}
      aria-label={`按${label}${next === 'asc' ? '升序' : '降序'}排列`}
      className={active ? 'ind-sorted' : undefined}
      data-arrow={active ? (p.dir === 'asc' ? '▲' : '▼') : undefined}
    >
      {label}
    </button>
  );
}

function Table({ data, rows, p }: { data: IndicatorTable; rows: BodyRow[]; p: Params }) {
  const ariaSort = (k: string) => (p.sort === k || (!p.sort && k === 'name') ? (p.dir === 'desc' ? 'descending' : 'ascending') : undefined);
  const stat = (label: string, pick: (key: string) => number | null, hint?: string) => (
    <tr>
      <th scope="row" colSpan={2}>
        {label}
        {hint && <span className="ind-note">{hint}</span>}
      </th>
      {data.indicators.map((i) => (
        <td key={i.key} className="num">
          {formatValue(i, pick(i.key))}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="各机关指标表">
      <table className="data ind-table ind-main">
        <caption className="sr-only">{data.year}年度各机关指标（{rows.length} 个机关）</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort('name')}>
              <SortButton label="机关" k="name" p={p} />
            </th>
            <th scope="col" aria-sort={ariaSort('flags')}>
              <SortButton label="预警" k="flags" p={p} />
            </th>
            {data.indicators.map((i) => (
              <th scope="col" key={i.key} aria-sort={ariaSort(i.key)}>
                <SortButton label={i.unit === '%' ? i.name : `${i.name}（${i.unit}）`} k={i.key} p={p} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id} className={p.body === b.id ? 'ind-picked' : undefined}>
              <th scope="row">
                <button type="button" onClick={() => go({ ...p, body: p.body === b.id ? '' : b.id })} aria-expanded={p.body === b.id}>
                  {b.name}
                </button>
                <span className="ind-note">{b.levelLabel}{b.regionName ? ` · ${b.regionName}` : ''}</span>
              </th>
              <td>
                {!b.reported ? (
                  <span className="badge badge-info">无该年度报告</span>
                ) : b.red + b.yellow === 0 ? (
                  '无'
                ) : (
                  <>
                    {b.red > 0 && <span className="badge badge-error">红 {b.red} 项</span>} {b.yellow > 0 && <span className="badge badge-warning">黄 {b.yellow} 项</span>}
                  </>
                )}
              </td>
              {data.indicators.map((i) => (
                <ValueCell key={i.key} i={i} b={b} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {stat('地区合计', (k) => data.totals[k]?.value ?? null, '比率为合计分子 ÷ 合计分母')}
          {stat('中位数', (k) => data.distribution[k]?.median ?? null)}
          {stat('第10百分位', (k) => data.distribution[k]?.p10 ?? null)}
          {stat('下四分位（第25百分位）', (k) => data.distribution[k]?.p25 ?? null)}
          {stat('上四分位（第75百分位）', (k) => data.distribution[k]?.p75 ?? null)}
          {stat('第90百分位', (k) => data.distribution[k]?.p90 ?? null)}
          <tr>
            <th scope="row" colSpan={2}>
              参与分布的机关数
            </th>
            {data.indicators.map((i) => (
              <td key={i.key} className="num">
                {data.distribution[i.key]?.n ?? 0}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The totals of each region below (a city's counties), each a link to its own table. */
function Subregions({ data, p }: { data: IndicatorTable; p: Params }) {
  if (!data.subregions.length) return null;
  return (
    <section aria-labelledby="ind-sub-h">
      <h2 id="ind-sub-h">下级地区合计</h2>
      <p className="hint">各下级地区内您监督的机关的合计（比率为合计分子 ÷ 合计分母）。点击地区名称查看该地区的机关。</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="下级地区合计表">
        <table className="data ind-table">
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">机关（有报告）</th>
              {data.indicators.map((i) => (
                <th scope="col" key={i.key}>
                  {i.unit === '%' ? i.name : `${i.name}（${i.unit}）`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.subregions.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <button type="button" onClick={() => go({ ...p, region: r.code, body: '' })}>
                    {r.name}
                  </button>
                </th>
                <td className="num">
                  {r.bodies}（{r.reported}）
                </td>
                {data.indicators.map((i) => (
                  <td key={i.key} className="num">
                    {formatValue(i, r.totals[i.key]?.value ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One body's indicators beside the region's median, its rank and its change on last year. */
function BodyDetail({ data, body, close }: { data: IndicatorTable; body: BodyRow; close: () => void }) {
  const ranked = (k: string) => data.distribution[k]?.n ?? 0;
  return (
    <section className="ind-detail" aria-labelledby="ind-detail-h">
      <h2 id="ind-detail-h">
        {body.name} {data.year}年度指标与{data.region?.name ?? '监督范围'}中位数比较
      </h2>
      {!body.reported ? (
        <Notice>该机关没有 {data.year} 年度的已发布报告（或报告无法读取）。</Notice>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col">本机关</th>
                <th scope="col">地区中位数</th>
                <th scope="col">与中位数之差</th>
                <th scope="col">排名</th>
                <th scope="col">与上年比</th>
                <th scope="col">预警</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((i) => {
                const c = body.cells[i.key]!;
                return (
                  <tr key={i.key}>
                    <th scope="row">{i.name}</th>
                    <td className="num">{formatValue(i, c.value)}</td>
                    <td className="num">{formatValue(i, data.distribution[i.key]?.median ?? null)}</td>
                    <td className="num">{formatChange(i, c.vsMedian)}</td>
                    <td className="num">{c.rank !== null ? `第 ${c.rank} / ${ranked(i.key)}` : '—'}</td>
                    <td className="num">{formatChange(i, c.change)}</td>
                    <td className={c.flag ? `ind-${c.flag}` : undefined}>{c.flag ? FLAG_WORDS[c.flag] : '无'}</td>
                    <td>{c.reason ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" onClick={close}>
        收起
      </button>
    </section>
  );
}

/** The region's thresholds in words, and the form to change one (for whoever oversees the whole region). */
function Thresholds({ data, onSaved }: { data: IndicatorTable; onSaved: (d: IndicatorTable) => void }) {
  const settable = data.indicators.filter((i) => i.direction);
  const [key, setKey] = useState(settable[0]?.key ?? '');
  const current = settable.find((i) => i.key === key);
  const [yellow, setYellow] = useState('');
  const [red, setRed] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => {
    setYellow(current?.thresholds ? String(current.thresholds.yellow) : '');
    setRed(current?.thresholds ? String(current.thresholds.red) : '');
  }, [current]);
  const save = async (clear: boolean) => {
    if (!data.region || !current) return;
    try {
      const thresholds = clear ? null : { yellow: Number(yellow), red: Number(red) };
      if (thresholds && (yellow.trim() === '' || red.trim() === '' || !Number.isFinite(thresholds.yellow) || !Number.isFinite(thresholds.red))) {
        setMessage({ kind: 'error', text: '请填写红色和黄色阈值（数字）' });
        return;
      }
      const d = await put<IndicatorTable>('/api/supervisor/indicators/thresholds', { region: data.region.code, indicator: current.key, thresholds, year: data.year });
      onSaved(d);
      setMessage({ kind: 'success', text: clear ? `已清除${data.region.name}对“${current.name}”的设定，改用上级地区或默认阈值。` : `已保存${data.region.name}“${current.name}”的阈值。` });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiFailure ? e.message : '保存失败，请稍后再试' });
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  return (
    <section aria-labelledby="ind-thr-h">
      <h2 id="ind-thr-h">预警阈值{data.region ? `（${data.region.name}）` : '（默认）'}</h2>
      <p className="hint">
        比率只在分母达到最小数时才预警、排名和计入分布（办结不少于 10 件；复议、诉讼已审结不少于 3 件）。下级地区未自行设定的，沿用上级地区的设定。
      </p>
      <ul>
        {settable.map((i) => (
          <li key={i.key}>
            {i.name}：{i.thresholdWords}
            {i.setBy ? `（${i.setBy.name}设定）` : '（默认）'}
          </li>
        ))}
      </ul>
      {data.canSetThresholds && data.region && current && (
        <form className="ind-thresholds" onSubmit={submit} aria-label="修改预警阈值">
          <Field label="指标">
            {(f) => (
              <select {...f} value={key} onChange={(e) => setKey(e.target.value)}>
                {settable.map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`黄色阈值（${current.unit}）`} hint={current.direction === 'higherWorse' ? '达到或超过即黄色' : '低于即黄色'}>
            {(f) => <input {...f} inputMode="decimal" value={yellow} onChange={(e) => setYellow(e.target.value)} />}
          </Field>
          <Field label={`红色阈值（${current.unit}）`} hint={current.direction === 'higherWorse' ? '达到或超过即红色' : '低于即红色'}>
            {(f) => <input {...f} inputMode="decimal" value={red} onChange={(e) => setRed(e.target.value)} />}
          </Field>
          <div className="ind-actions">
            <button type="submit">保存阈值</button>
            {current.setBy?.code === data.region.code && (
              <button type="button" className="secondary" onClick={() => void save(true)}>
                清除本地区设定
              </button>
            )}
          </div>
        </form>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </section>
  );
}

export default function IndicatorsPage(_props: PageProps) {
  const { search } = useLocation();
  const p = paramsOf(search);
  const [data, setData] = useState<IndicatorTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState(p.q);

  const load = useCallback(async (year: string, region: string) => {
    try {
      setData(await get<IndicatorTable>(`/api/supervisor/indicators${query({ year, region })}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '加载失败，请稍后再试');
    }
  }, []);
  useEffect(() => {
    void load(p.year, p.region);
  }, [p.year, p.region, load]);

  const rows = useMemo(() => {
    if (!data) return [];
    const needle = p.q.trim();
    const shown = data.bodies.filter(
      (b) =>
        (!needle || b.name.includes(needle)) &&
        (p.show === '' || (p.show === 'flagged' && b.red + b.yellow > 0) || (p.show === 'red' && b.red > 0) || (p.show === 'reported' && b.reported)),
    );
    return sortRows(shown, p.sort, p.dir);
  }, [data, p.q, p.show, p.sort, p.dir]);

  const picked = data?.bodies.find((b) => b.id === p.body);
  const reds = data?.bodies.reduce((n, b) => n + b.red, 0) ?? 0;
  const yellows = data?.bodies.reduce((n, b) => n + b.yellow, 0) ?? 0;
  const exportFile = async () => {
    try {
      await download(`/api/supervisor/indicators.xlsx${query({ year: data?.year, region: p.region })}`);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '导出失败，请稍后再试');
    }
  };

  return (
    <>
      <PageTitle>指标</PageTitle>
      <p className="lead">
        按已发布年度报告的表格（含更正）计算，不读文字部分；空白的单元格不当作 0，所需数据空缺的指标不计算。每项指标的算法见<Link to="/indicators/definitions">指标定义</Link>。
      </p>
      <form
        className="filters"
        role="search"
        aria-label="筛选指标表"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...p, q });
        }}
      >
        <Field label="地区">
          {(f) => (
            <select {...f} value={p.region} onChange={(e) => go({ ...p, region: e.target.value, body: '' })}>
              <option value="">整个监督范围</option>
              {data?.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {'　'.repeat(r.depth)}
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="年度">
          {(f) => (
            <select {...f} value={p.year || String(data?.year ?? '')} onChange={(e) => go({ ...p, year: e.target.value })}>
              {data?.years.map((y) => (
                <option key={y} value={y}>
                  {y}年度
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="显示">
          {(f) => (
            <select {...f} value={p.show} onChange={(e) => go({ ...p, show: e.target.value as Show })}>
              {Object.entries(SHOW).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="机关名称">{(f) => <input {...f} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="如 甲镇" />}</Field>
        <button type="submit">筛选</button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading what="指标" />}
      {data && (
        <>
          <div className="ind-summary" aria-live="polite">
            <span>
              {data.region?.name ?? '监督范围'} · {data.year}年度
            </span>
            <span>
              机关 {data.bodies.length} 个，有报告 {data.bodies.filter((b) => b.reported).length} 个；本表显示 {rows.length} 个
            </span>
            <span>
              <span className="badge badge-error">红色预警 {reds} 项</span> <span className="badge badge-warning">黄色预警 {yellows} 项</span>
            </span>
          </div>
          <div className="ind-actions">
            <button type="button" onClick={() => void exportFile()}>
              导出 Excel
            </button>
            <span className="hint">点击机关名称，查看其各项指标与地区中位数的比较；点击列标题排序。</span>
          </div>
          {data.bodies.length ? <Table data={data} rows={rows} p={p} /> : <Notice>该地区没有您监督的机关。</Notice>}
          {picked && <BodyDetail data={data} body={picked} close={() => go({ ...p, body: '' })} />}
          <Subregions data={data} p={p} />
          <Thresholds data={data} onSaved={setData} />
        </>
      )}
    </>
  );
}
