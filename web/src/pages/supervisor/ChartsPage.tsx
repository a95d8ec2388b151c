/**
 * 图表: applications received by body and year, and how they ended, across the bodies in the
 * supervisor's scope. Each chart has its numbers in a table beneath it (the text alternative a
 * chart needs); bodies are chosen by name and level, years by range.
 */
import { useEffect, useMemo, useState } from 'react';
import { get, query } from '../../api.js';
import { BodyPicker } from '../../components/analysis/BodyPicker.js';
import { barOption, chartHeight, outcomesMatrix, receivedMatrix, type Matrix } from '../../components/analysis/chart-options.js';
import { DataTable } from '../../components/analysis/DataTable.js';
import { EChart } from '../../components/analysis/EChart.js';
import { ensureAnalysisStyles } from '../../components/analysis/styles.js';
import type { SeriesAnswer } from '../../components/analysis/types.js';
import { useScopedBodies, yearsOf } from '../../components/analysis/useBodies.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';

ensureAnalysisStyles();

function YearSelect({ label, value, years, onChange }: { label: string; value: number | ''; years: readonly number[]; onChange(v: number | ''): void }) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')}>
          <option value="">不限</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ChartWithTable({ id, title, matrix, stacked, corner, total }: { id: string; title: string; matrix: Matrix; stacked: boolean; corner: string; total?: boolean }) {
  const option = useMemo(() => barOption(matrix, stacked), [matrix, stacked]);
  if (matrix.rows.length === 0) return <p>所选机关在所选年度没有报告。</p>;
  return (
    <figure className="gk-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div data-chart={id}>
        <EChart option={option} height={chartHeight(matrix, stacked)} label={`${stacked ? '堆积条形图' : '条形图'}：${title}。数据见下表。`} />
      </div>
      <DataTable caption={`${title}（数据表，单位：件；“/”表示报告中没有该数）`} corner={corner} matrix={matrix} {...(total ? { total } : {})} />
    </figure>
  );
}

export default function ChartsPage(_props: PageProps) {
  const { bodies, error } = useScopedBodies();
  const years = useMemo(() => [...yearsOf(bodies ?? [])].reverse(), [bodies]);
  const [from, setFrom] = useState<number | ''>('');
  const [to, setTo] = useState<number | ''>('');
  const [series, setSeries] = useState<SeriesAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string> | null>(null);

  useEffect(() => {
    if (!bodies) return;
    setSelected((s) => s ?? new Set(bodies.filter((b) => b.years.length > 0).map((b) => b.key)));
  }, [bodies]);

  useEffect(() => {
    let live = true;
    get<SeriesAnswer>(`/api/supervisor/series${query({ from, to })}`).then(
      (s) => {
        if (!live) return;
        setSeries(s);
        setFailure(null);
      },
      (e: Error) => {
        if (live) setFailure(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [from, to]);

  const keys = selected ?? new Set<string>();
  const received = useMemo(() => (series ? receivedMatrix(series, keys) : null), [series, keys]);
  const outcomes = useMemo(() => (series ? outcomesMatrix(series, keys) : null), [series, keys]);

  return (
    <>
      <PageTitle>申请与办理结果图表</PageTitle>
      <p className="lead">按机关和年度比较收到的政府信息公开申请数量和办理结果。数字取自各机关最新上传的年度报告。</p>
      {(error || failure) && <Notice kind="error">{error ?? failure}</Notice>}
      {!bodies && !error && <Loading what="机关列表" />}
      {bodies && selected && (
        <>
          <div className="gk-years">
            <YearSelect label="起始年度" value={from} years={years} onChange={setFrom} />
            <YearSelect label="截止年度" value={to} years={years} onChange={setTo} />
          </div>
          <BodyPicker legend="选择机关" bodies={bodies} selected={selected} onChange={setSelected} note={(b) => (b.years.length ? `有${b.years.join('、')}年度报告` : '尚无报告')} />
        </>
      )}
      {bodies && !series && !failure && <Loading what="图表数据" />}
      {series && received && outcomes && (
        <>
          <h2>收到申请</h2>
          <ChartWithTable id="received" title="各机关各年度本年新收政府信息公开申请数量" matrix={received} stacked={false} corner="机关" />
          <h2>办理结果</h2>
          <ChartWithTable id="outcomes" title="各机关各年度办理结果分布" matrix={outcomes} stacked corner="机关与年度" total />
        </>
      )}
    </>
  );
}
