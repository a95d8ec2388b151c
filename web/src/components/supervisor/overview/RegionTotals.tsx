/**
 * A region's totals for the year — each a link that filters the table below to those bodies —
 * and the regions below it with the same totals, each region's name a link one level down.
 */
import { Link } from '../../../router.js';
import { PATH, queryOf, type Params, type RegionOverview, type Totals } from './params.js';

/** The totals in the order they are read, with the table filter each one opens. */
const FIGURES: { key: keyof Totals; label: string; filter?: Partial<Params>; alarm?: boolean }[] = [
  { key: 'bodies', label: '机关' },
  { key: 'reported', label: '已报送', filter: { status: 'reported' } },
  { key: 'late', label: '逾期发布', filter: { status: 'late' }, alarm: true },
  { key: 'missing', label: '缺报', filter: { status: 'missing' }, alarm: true },
  { key: 'withErrors', label: '有错误', filter: { errors: '1' }, alarm: true },
  { key: 'unreadable', label: '无法读取', filter: { status: 'unreadable' }, alarm: true },
];

const rate = (t: Totals) => (t.bodies ? `${Math.round((t.reported / t.bodies) * 1000) / 10}%` : '—');

/** The figures of the region, as links that filter the table (the region and year kept). */
export function TotalsCards({ data, p }: { data: RegionOverview; p: Params }) {
  const t = data.totals;
  const base = { region: p.region, year: p.year };
  return (
    <ul className="ov-totals" aria-label={`${data.region?.name ?? '监督范围'}${data.year}年度合计`}>
      {FIGURES.filter((f) => f.key !== 'unreadable' || t.unreadable > 0).map((f) => {
        const n = t[f.key];
        const body = (
          <>
            <span className="ov-n">{n}</span>
            <span className="ov-label">{f.label}</span>
            {f.filter && n > 0 && <span className="sr-only">，在下表中列出</span>}
          </>
        );
        const cls = `ov-card${f.alarm && n > 0 ? ' ov-alarm' : ''}`;
        return (
          <li key={f.key} className={cls}>
            {f.filter && n > 0 ? (
              <Link to={`${PATH}${queryOf({ ...base, ...f.filter })}#ov-table`}>
                {body}
              </Link>
            ) : (
              <span>{body}</span>
            )}
          </li>
        );
      })}
      <li className="ov-card ov-rate">
        <span>
          <span className="ov-n">{rate(t)}</span>
          <span className="ov-label">报送率</span>
        </span>
      </li>
    </ul>
  );
}

function Counts({ t }: { t: Totals }) {
  return (
    <>
      <td className="num">{t.bodies}</td>
      <td className="num">{t.reported}</td>
      <td className="num">{rate(t)}</td>
      <td className={`num${t.late ? ' ov-warn' : ''}`}>{t.late}</td>
      <td className={`num${t.missing ? ' ov-bad' : ''}`}>{t.missing}</td>
      <td className={`num${t.withErrors ? ' ov-bad' : ''}`}>{t.withErrors}</td>
    </>
  );
}

/** The lines below the region: each region (a link one level down), the region's own bodies, the bodies outside. */
export function RegionLines({ data, p }: { data: RegionOverview; p: Params }) {
  // One line that is not a region below (a township's own bodies, a scope of bodies without regions): the totals above say it all.
  if (!data.lines.length || (data.lines.length === 1 && data.lines[0]!.kind !== 'region')) return null;
  const where = data.region?.name ?? '监督范围内';
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="各地区报告情况">
      <table className="data ov-lines">
        <caption>
          {where}各地区{data.year}年度报告情况（点击地区名称查看其下各级）
        </caption>
        <thead>
          <tr>
            <th scope="col">地区</th>
            <th scope="col">机关</th>
            <th scope="col">已报送</th>
            <th scope="col">报送率</th>
            <th scope="col">逾期发布</th>
            <th scope="col">缺报</th>
            <th scope="col">有错误</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((l) => (
            <tr key={`${l.kind}-${l.code ?? ''}`}>
              <th scope="row">
                {l.kind === 'region' && l.code ? (
                  <Link to={`${PATH}${queryOf({ region: l.code, year: p.year })}`}>{l.name}</Link>
                ) : (
                  <>
                    {l.name}
                    <span className="hint ov-hint">{l.kind === 'own' ? '（本级政府及其部门）' : ''}</span>
                  </>
                )}
              </th>
              <Counts t={l.totals} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <Counts t={data.totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Where the view is: the scope's top down to the region, each step a link up. */
export function Trail({ data, p }: { data: RegionOverview; p: Params }) {
  const steps: { code: string; name: string }[] = [...(data.wholeScope ? [{ code: '', name: '全部监督范围' }] : []), ...data.trail];
  if (steps.length < 2) return null;
  return (
    <nav aria-label="地区层级" className="ov-trail">
      <ol>
        {steps.map((s, i) => (
          <li key={s.code || 'all'}>
            {i === steps.length - 1 ? (
              <span aria-current="page">{s.name}</span>
            ) : (
              <Link to={`${PATH}${queryOf({ region: s.code, year: p.year })}`}>{s.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
