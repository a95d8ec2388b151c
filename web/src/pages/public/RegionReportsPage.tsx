/**
 * The public page of a region's annual reports (no sign-in, phone first): for a year, every body
 * of the region with its report's publication date, on time or late, and the errors the automatic
 * checks found; the bodies that published none listed as 未发布; the region's data to download.
 */
import { useState } from 'react';
import { query } from '../../api.js';
import { ensureBodyStyles } from '../../components/body/styles.js';
import type { PublicRegion } from '../../components/body/types.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import { navigate, useLocation } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureBodyStyles();

type Line = PublicRegion['bodies'][number];
type Filter = 'all' | 'late' | 'missing' | 'errors';

const FILTERS: { key: Filter; label: string; keep: (l: Line) => boolean }[] = [
  { key: 'all', label: '全部', keep: () => true },
  { key: 'late', label: '逾期发布', keep: (l) => l.status === 'late' },
  { key: 'missing', label: '未发布', keep: (l) => l.status === 'missing' },
  { key: 'errors', label: '有错误', keep: (l) => (l.errors ?? 0) > 0 },
];

function Item({ l }: { l: Line }) {
  return (
    <li className={`pr-item pr-${l.status}`}>
      <span className="pr-name">{l.name}</span>
      <span className="pr-where">{l.levelLabel}{l.regionName ? `，${l.regionName}` : ''}</span>
      <span className="pr-facts">
        <span className={`badge ${l.status === 'onTime' ? 'badge-ok' : l.status === 'late' || l.status === 'missing' ? 'badge-error' : 'badge-info'}`}>{l.statusLabel}</span>
        {l.publishedOn && <span>发布日期 {l.publishedOn}</span>}
        {l.errors !== null && <span>错误 {l.errors} 个{l.warnings ? `，警告 ${l.warnings} 个` : ''}</span>}
      </span>
    </li>
  );
}

export default function RegionReportsPage({ params }: PageProps) {
  const { search } = useLocation();
  const year = search.get('year') ?? '';
  const code = encodeURIComponent(params.code ?? '');
  const { data, error } = useGet<PublicRegion>(`/api/public/regions/${code}/reports${query({ year })}`);
  const [filter, setFilter] = useState<Filter>('all');
  if (error) {
    return (
      <>
        <PageTitle>没有找到该地区的公开页</PageTitle>
        <Notice kind="error">该地区尚未开通年度报告公开页，或地区代码有误。</Notice>
      </>
    );
  }
  if (!data) return <Loading what="年度报告" />;
  const t = data.totals;
  const shown = data.bodies.filter(FILTERS.find((f) => f.key === filter)!.keep);
  const dataPath = (ext: string) => `/api/public/regions/${code}/data.${ext}?year=${data.year}`;
  return (
    <>
      <PageTitle>{data.region.name}{data.year}年度政府信息公开工作年度报告</PageTitle>
      <Field label="年度">
        {(p) => (
          <select {...p} value={data.year} onChange={(e) => navigate(`/regions/${code}/reports?year=${e.target.value}`, true)}>
            {data.years.map((y) => <option key={y} value={y}>{y}年度</option>)}
          </select>
        )}
      </Field>
      <ul className="pr-totals" aria-label="合计">
        <li><strong>{t.bodies}</strong>应发布的机关</li>
        <li><strong>{t.published}</strong>已发布</li>
        <li><strong>{t.missing}</strong>未发布</li>
        <li><strong>{t.late}</strong>逾期发布</li>
        <li><strong>{t.withErrors}</strong>报告有错误</li>
      </ul>
      <p className="hint">
        期限：各部门、乡镇和街道为次年 1 月 31 日，县级以上人民政府为次年 3 月 31 日（《中华人民共和国政府信息公开条例》第四十九条）。
        晚于期限但监督机关认可其理由的，标为“延后发布”。“错误”是系统按统一格式自动检查发现的问题（如表格合计不符、缺少部分），经监督机关审核驳回的不计。
      </p>
      <div className="pr-chips" role="group" aria-label="筛选">
        {FILTERS.map((f) => (
          <button key={f.key} type="button" className="secondary" aria-pressed={filter === f.key} onClick={() => setFilter(f.key)}>
            {f.label}（{data.bodies.filter(f.keep).length}）
          </button>
        ))}
      </div>
      {shown.length ? (
        <ul className="pr-list">{shown.map((l) => <Item key={l.id} l={l} />)}</ul>
      ) : <p>没有符合条件的机关。</p>}
      <h2>下载数据</h2>
      <p>
        各机关报告表二、表三、表四的数据，经监督机关更正的按更正后的值；CSV 每个单元格一行，JSON 每份报告一项，键名同年度报告标准模型：
      </p>
      <div className="actions">
        <a className="button secondary" href={dataPath('csv')} download>下载 CSV</a>
        <a className="button secondary" href={dataPath('json')} download>下载 JSON</a>
      </div>
    </>
  );
}
