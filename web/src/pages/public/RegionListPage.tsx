/** The regions whose public page of annual reports is on: where a citizen starts. */
import type { PublicRegionList } from '../../components/body/types.js';
import { Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import { Link } from '../../router.js';

export default function RegionListPage() {
  const { data, error } = useGet<PublicRegionList>('/api/public/regions');
  return (
    <>
      <PageTitle>各地年度报告</PageTitle>
      <p className="lead">按地区查看各机关政府信息公开工作年度报告的发布日期、是否按时发布和自动检查发现的错误，未发布的机关也一并列出。</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading what="地区" />}
      {data && (data.regions.length ? (
        <ul>
          {data.regions.map((r) => (
            <li key={r.code}>
              <Link to={`/regions/${r.code}/reports`}>{r.name}</Link>
            </li>
          ))}
        </ul>
      ) : <p>还没有地区开通年度报告公开页。</p>)}
    </>
  );
}
