/**
 * /catalogue: the public catalogue of proactively disclosed information (条例 第十二条). Search by
 * words, index number, 文号, topic, type, body and date; newest first, 20 a page. The tab
 * “年度报告” lists the annual reports of past years by the year they report on.
 */
import { useState } from 'react';
import { query } from '../../api.js';
import { BodyPicker, Pager, useApi } from '../../components/catalogue-public/common.js';
import { ResultList } from '../../components/catalogue-public/ResultList.js';
import { filtersOf, SearchForm } from '../../components/catalogue-public/SearchForm.js';
import type { CatalogueOptions, ItemSummary, SearchResult } from '../../components/catalogue-public/types.js';
import '../../components/catalogue-public/catalogue-public.css';
import { Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { ANNUAL_REPORT_TYPE, totalText } from '../../../../src/catalogue/query.js';

function Tabs({ reports }: { reports: boolean }) {
  return (
    <ul className="tabs">
      <li>
        <Link to="/catalogue" {...(!reports ? { 'aria-current': 'page' as const } : {})}>
          全部信息
        </Link>
      </li>
      <li>
        <Link to="/catalogue?tab=reports" {...(reports ? { 'aria-current': 'page' as const } : {})}>
          年度报告
        </Link>
      </li>
    </ul>
  );
}

function Results({ path, terms, hrefOf }: { path: string; terms: string[]; hrefOf(page: number): string }) {
  const { data, error } = useApi<SearchResult>(path);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="检索结果" />;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="sr-only">
        检索结果
      </h2>
      <p className="result-line" role="status">
        {data.items.length === 0 ? (data.page > 1 ? '没有更多结果了' : '没有找到符合条件的政府信息，请减少或更换检索词') : totalText(data.total)}
      </p>
      <ResultList items={data.items} terms={terms} label="检索结果" />
      <Pager page={data.page} pages={data.pages} hasMore={data.hasMore} href={hrefOf} />
    </section>
  );
}

/** The annual reports, grouped by the year they report on. */
function AnnualReports({ body, page }: { body: string; page: number }) {
  const { data, error } = useApi<SearchResult>(`/api/catalogue/items${query({ type: ANNUAL_REPORT_TYPE, body, page })}`);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="年度报告" />;
  const years = new Map<string, ItemSummary[]>();
  for (const item of data.items) {
    const key = item.reportYear ? `${item.reportYear}年度` : '其他';
    years.set(key, [...(years.get(key) ?? []), item]);
  }
  return (
    <>
      <p className="result-line" role="status">
        {data.items.length ? totalText(data.total) : '还没有公开的年度报告'}
      </p>
      {[...years].map(([year, items]) => (
        <section key={year} className="report-year" aria-labelledby={`y-${year}`}>
          <h2 id={`y-${year}`}>{year}</h2>
          <ResultList items={items} terms={[]} label={`${year}政府信息公开工作年度报告`} />
        </section>
      ))}
      <Pager page={data.page} pages={data.pages} hasMore={data.hasMore} href={(p) => `/catalogue${query({ tab: 'reports', body, page: p })}`} />
    </>
  );
}

function ReportsTab({ body, page }: { body: string; page: number }) {
  const [chosen, setChosen] = useState(body);
  return (
    <>
      <p>依照《条例》第四十九条，各机关每年公布上一年度的政府信息公开工作年度报告。</p>
      <form
        className="cat-search"
        aria-label="按机关筛选年度报告"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/catalogue${query({ tab: 'reports', body: chosen })}`);
        }}
      >
        <BodyPicker label="发布机关" value={chosen} onChange={setChosen} allLabel="全部机关" />
        <div className="actions">
          <button type="submit">筛选</button>
        </div>
      </form>
      <AnnualReports body={body} page={page} />
    </>
  );
}

export default function CataloguePage(_props: PageProps) {
  const { search } = useLocation();
  const options = useApi<CatalogueOptions>('/api/catalogue/options');
  const reports = search.get('tab') === 'reports';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const filters = filtersOf(search);
  const params = { ...filters, page: page > 1 ? page : undefined };
  const searched = Object.values(filters).some(Boolean);
  const terms = filters.q.split(/\s+/).filter(Boolean);
  return (
    <section className="cat-page">
      <PageTitle>政府信息公开目录</PageTitle>
      <Tabs reports={reports} />
      {reports ? (
        <ReportsTab key={search.toString()} body={filters.body} page={page} />
      ) : (
        <>
          <SearchForm key={search.toString()} initial={filters} options={options.data} />
          {!searched && <p className="hint">以下为最新公开的政府信息，按发布日期从新到旧排列。</p>}
          <Results path={`/api/catalogue/items${query(params)}`} terms={terms} hrefOf={(p) => `/catalogue${query({ ...filters, page: p })}`} />
        </>
      )}
    </section>
  );
}
