/**
 * /guide: the bodies (search by name, filter by level), each linking to its guide;
 * /guide/:bodyId: the body's 政府信息公开指南 (条例 第十二条), generated from its own settings.
 */
import { useEffect, useState } from 'react';
import { get, query } from '../../api.js';
import { useApi } from '../../components/catalogue-public/common.js';
import type { BodyRef, Guide, GuidePart } from '../../components/catalogue-public/types.js';
import '../../components/catalogue-public/catalogue-public.css';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { LevelSelect } from '../../components/level-select.js';

function BodyList() {
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [found, setFound] = useState<BodyRef[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      get<BodyRef[]>(`/api/bodies${query({ q: q.trim(), level })}`)
        .then((b) => {
          if (live) {
            setFound(b);
            setFailed(false);
          }
        })
        .catch(() => live && setFailed(true));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, level]);
  return (
    <section className="cat-page">
      <PageTitle>政府信息公开指南</PageTitle>
      <p>各机关的政府信息公开指南说明主动公开的范围和方式、申请获取政府信息的渠道和程序、工作机构的地址电话，以及监督和救济的途径。请选择机关：</p>
      <form className="filters" role="search" aria-label="查找机关" onSubmit={(e) => e.preventDefault()}>
        <Field label="机关名称或地区">
          {(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
        </Field>
        <LevelSelect value={level} onChange={setLevel} />
      </form>
      <p role="status" className="result-line">
        {failed ? '机关列表暂时无法加载，请稍后刷新页面' : found ? `找到 ${found.length} 个机关` : '正在查找机关…'}
      </p>
      {found && (
        <ul className="body-list" aria-label="机关">
          {found.map((b) => (
            <li key={b.id}>
              <Link to={`/guide/${encodeURIComponent(b.id)}`}>{b.name}政府信息公开指南</Link> <span className="hint">（{b.levelLabel}）</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Part({ part }: { part: GuidePart }) {
  return (
    <>
      {part.heading && <h3>{part.heading}</h3>}
      {part.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {part.facts && (
        <dl className="cat-facts">
          {part.facts.map(([k, v]) => (
            <div key={k} className="fact">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {part.links && (
        <ul className="links">
          {part.links.map((l) => (
            <li key={l.href}>
              <Link to={l.href}>{l.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function BodyGuide({ bodyId }: { bodyId: string }) {
  const { data, missing, error } = useApi<Guide>(`/api/bodies/${encodeURIComponent(bodyId)}/guide`);
  if (missing) {
    return (
      <>
        <PageTitle>没有找到该机关</PageTitle>
        <p>
          <Link to="/guide">查看全部机关的政府信息公开指南</Link>
        </p>
      </>
    );
  }
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="指南" />;
  const { guide } = data;
  return (
    <article className="cat-page guide">
      <PageTitle>{guide.title}</PageTitle>
      {guide.missing.length > 0 && (
        <Notice kind="warning">
          本机关尚未公布：{guide.missing.join('、')}。{data.canEdit && <Link to={`/officer/settings?body=${encodeURIComponent(bodyId)}`}>填写指南设置</Link>}
        </Notice>
      )}
      {guide.intro.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {guide.sections.map((s) => (
        <section key={s.heading} aria-labelledby={`g-${s.heading}`}>
          <h2 id={`g-${s.heading}`}>{s.heading}</h2>
          {s.parts.map((part, i) => (
            <Part key={i} part={part} />
          ))}
        </section>
      ))}
      {data.canEdit && guide.missing.length === 0 && (
        <p>
          <Link to={`/officer/settings?body=${encodeURIComponent(bodyId)}`}>修改指南设置</Link>
        </p>
      )}
    </article>
  );
}

export default function GuidePage({ params }: PageProps) {
  return params.bodyId ? <BodyGuide bodyId={params.bodyId} /> : <BodyList />;
}
