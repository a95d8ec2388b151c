/**
 * 汇总: the supervisor picks a year and bodies, and gets the area's tables 二, 三 and 四 summed
 * from the bodies' newest reports — with which bodies were included, refused (and why) or had no
 * report, the area's own check, and downloads (Excel of every body, the rollup as Word or HTML).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { download, post, query } from '../../api.js';
import { BodyPicker } from '../../components/analysis/BodyPicker.js';
import { Findings } from '../../components/analysis/Findings.js';
import { OfficialTable } from '../../components/analysis/OfficialTable.js';
import { ensureAnalysisStyles } from '../../components/analysis/styles.js';
import type { RollupAnswer, RollupSourceOutcome } from '../../components/analysis/types.js';
import { useScopedBodies, yearsOf } from '../../components/analysis/useBodies.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';

ensureAnalysisStyles();

const TABLE_TITLES: Record<number, string> = { 2: '表二 主动公开政府信息情况', 3: '表三 收到和处理政府信息公开申请情况', 4: '表四 政府信息公开行政复议、行政诉讼情况' };

const STATUS: Record<RollupSourceOutcome['status'], { text: string; badge: string }> = {
  included: { text: '已计入', badge: 'badge-ok' },
  refused: { text: '未计入', badge: 'badge-error' },
  missing: { text: '无报告', badge: 'badge-warning' },
};

function Sources({ sources }: { sources: readonly RollupSourceOutcome[] }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="各机关计入情况">
      <table className="data">
        <caption>各机关计入情况</caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">报告所署单位</th>
            <th scope="col">模板</th>
            <th scope="col">情况</th>
            <th scope="col">原因</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.name}</th>
              <td>{s.unit ?? (s.reportId ? '（报告未署单位）' : '')}</td>
              <td>{s.template ? `${s.template}年模板` : ''}</td>
              <td>
                <span className={`badge ${STATUS[s.status].badge}`}>{STATUS[s.status].text}</span>
              </td>
              <td>{s.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Result({ result, keys }: { result: RollupAnswer; keys: readonly string[] }) {
  const [failure, setFailure] = useState<string | null>(null);
  const params = { year: result.year, bodies: keys.join(','), area: result.area };
  const save = (path: string) => download(path).then(() => setFailure(null), (e: Error) => setFailure(e.message));
  const count = (s: RollupSourceOutcome['status']) => result.sources.filter((x) => x.status === s).length;
  const problems = count('refused') + count('missing');
  return (
    <section aria-labelledby="rollup-result">
      <h2 id="rollup-result">
        {result.area}
        {result.year}年度汇总（{result.template}年模板）
      </h2>
      <Notice kind={problems ? 'warning' : 'success'}>
        已计入 {count('included')} 个机关；未计入 {count('refused')} 个；没有本年度报告 {count('missing')} 个。
      </Notice>
      <div className="actions">
        <button type="button" onClick={() => save(`/api/supervisor/export.xlsx${query({ year: result.year, bodies: params.bodies })}`)}>
          下载 Excel（各机关数据）
        </button>
        <button type="button" className="secondary" onClick={() => save(`/api/supervisor/rollup.docx${query(params)}`)}>
          下载汇总表 Word
        </button>
        <button type="button" className="secondary" onClick={() => save(`/api/supervisor/rollup.html${query(params)}`)}>
          下载汇总表 HTML
        </button>
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      <Sources sources={result.sources} />
      <h2>汇总表</h2>
      <p className="gk-meta">表中“/”表示所计入的报告中有机关未填该数，汇总数无法得出（见检查发现），不按 0 计算。</p>
      {result.tables.map((t) => (
        <OfficialTable key={t.no} table={t} title={`${TABLE_TITLES[t.no] ?? t.caption}（${result.area}汇总）`} />
      ))}
      <h2>检查发现</h2>
      <Findings findings={result.findings} />
    </section>
  );
}

export default function RollupPage(_props: PageProps) {
  const { bodies, error } = useScopedBodies();
  const years = useMemo(() => yearsOf(bodies ?? []), [bodies]);
  const [year, setYear] = useState<number | null>(null);
  const [area, setArea] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{ answer: RollupAnswer; keys: string[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenYear = year ?? years[0] ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosenYear === null) return;
    if (selected.size === 0) {
      setFailure('请至少选择一个机关。');
      return;
    }
    const keys = (bodies ?? []).filter((b) => selected.has(b.key)).map((b) => b.key);
    setBusy(true);
    try {
      const answer = await post<RollupAnswer>('/api/supervisor/rollup', { year: chosenYear, bodies: keys, ...(area.trim() ? { area: area.trim() } : {}) });
      setResult({ answer, keys });
      setFailure(null);
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>汇总各机关年度报告</PageTitle>
      <p className="lead">选择年度和机关，把各机关最新上传的年度报告的表二、表三、表四逐格相加，得到地区的汇总表。</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!bodies && !error && <Loading what="机关列表" />}
      {bodies && bodies.length === 0 && <Notice>您的监督范围内还没有机关。请管理员设置监督范围。</Notice>}
      {bodies && bodies.length > 0 && (
        <form onSubmit={submit} noValidate>
          <div className="gk-years">
            <Field label="年度">
              {(p) => (
                <select {...p} value={chosenYear ?? ''} onChange={(e) => setYear(Number(e.target.value))} disabled={years.length === 0}>
                  {years.length === 0 && <option value="">尚无已上传的报告</option>}
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}年度
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="汇总地区名称" hint="留空时用所选机关共同的地区名，没有则为“汇总”">
              {(p) => <input {...p} value={area} maxLength={100} onChange={(e) => setArea(e.target.value)} />}
            </Field>
          </div>
          <BodyPicker
            legend="选择要汇总的机关"
            bodies={bodies}
            selected={selected}
            onChange={setSelected}
            note={(b) => (chosenYear !== null && b.years.includes(chosenYear) ? `有${chosenYear}年度报告` : `无${chosenYear ?? ''}年度报告`)}
          />
          <div className="actions">
            <button type="submit" disabled={busy || chosenYear === null}>
              {busy ? '正在汇总…' : '汇总'}
            </button>
          </div>
        </form>
      )}
      {failure && <Notice kind="error">{failure}</Notice>}
      {result && <Result result={result.answer} keys={result.keys} />}
    </>
  );
}
