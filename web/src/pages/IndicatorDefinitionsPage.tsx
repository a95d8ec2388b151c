/**
 * 指标定义 (public): every indicator the supervisor's table shows — its formula in words, unit,
 * the smallest denominator at which it is judged, which way is worse and the default thresholds —
 * as the one definition in src/indicators/definitions.ts gives them.
 */
import { useEffect, useState } from 'react';
import { ApiFailure, get } from '../api.js';
import { ensureIndicatorStyles, type Definition } from '../components/indicators/format.js';
import { Loading, Notice, PageTitle } from '../components/ui.js';
import type { PageProps } from '../routes.js';

ensureIndicatorStyles();

export default function IndicatorDefinitionsPage(_props: PageProps) {
  const [defs, setDefs] = useState<Definition[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<Definition[]>('/api/indicators/definitions')
      .then(setDefs)
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败，请稍后再试'));
  }, []);
  return (
    <>
      <PageTitle>指标定义</PageTitle>
      <p className="lead">
        政府信息公开工作年度报告的指标，只按报告的表二、表三、表四计算（监督者更正过的按更正后的数计算），不读文字部分。
        表格中空白的单元格不当作 0：指标所需的任何一格空白，该指标就不计算，并注明是哪一格。
      </p>
      <ul>
        <li>“办结”指表三“（七）总计”：本年度已有办理结果的申请。年底仍在办理的计入“四、结转下年度继续办理”，不在总计之内。</li>
        <li>比率 = 分子 ÷ 分母 × 100%。分母为 0 时不计算。分母小于“最小分母”时照常显示，但不预警、不排名、不计入分布。</li>
        <li>地区合计：件数为各机关已知数之和；比率为各机关分子之和 ÷ 分母之和（不是各机关比率的平均）。</li>
        <li>
          分布（第10百分位、下四分位、中位数、上四分位、第90百分位）按最接近的两个名次之间线性插值计算（与 Excel 的 <code>PERCENTILE.INC</code> 函数相同）。排名第 1 为最好；数值相同名次相同。
        </li>
        <li>预警阈值可由各地区设定，下级地区未设定的沿用上级；“越高越需关注”的指标达到或超过阈值即预警，“越低越需关注”的低于阈值即预警。</li>
      </ul>
      {error && <Notice kind="error">{error}</Notice>}
      {!defs && !error && <Loading what="指标定义" />}
      {defs && (
        <dl className="ind-defs">
          {defs.map((d) => (
            <div key={d.key}>
              <dt id={`def-${d.key}`}>
                {d.name}（{d.unit}）
              </dt>
              <dd>计算方法：{d.formula}</dd>
              {d.minDenominator !== null && <dd>最小分母：{d.minDenominator} 件</dd>}
              {d.direction && (
                <dd>
                  {d.direction}；默认预警：{d.defaultThresholds}
                </dd>
              )}
              {d.note && <dd className="hint">{d.note}</dd>}
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
