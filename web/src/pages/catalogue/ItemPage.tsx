/**
 * /catalogue/items/:id — one published item at its stable address (the number never changes;
 * an index number in the address is accepted and replaced by the number). An item withdrawn
 * (撤销) after publication says so, with the date and the reason; an item never published reads
 * exactly like one that does not exist. 规章 and 行政规范性文件 show their validity as of today.
 */
import { useEffect, type ReactNode } from 'react';
import { chineseDate, useApi } from '../../components/catalogue-public/common.js';
import type { Item } from '../../components/catalogue-public/types.js';
import '../../components/catalogue-public/catalogue-public.css';
import { Id, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate } from '../../router.js';

const RULE_KIND = { regulations: '规章', normativeDocuments: '行政规范性文件' } as const;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function validity(item: Item): string | null {
  if (!item.ruleKind || !item.validity) return null;
  return `${item.validity.label}（${RULE_KIND[item.ruleKind]}，${item.validity.note}）`;
}

function Facts({ item }: { item: Item }) {
  const rows: [string, ReactNode][] = [
    ['索引号', <Id key="index">{item.indexNo}</Id>],
    ['发布机构', item.publisher],
    ['生成日期', chineseDate(item.madeOn)],
    ['发布日期', chineseDate(item.publishedOn)],
    ['文号', item.docNo],
    ['主题分类', item.topic],
    ['文件类型', item.docType],
    ['效力状态', validity(item)],
    ['公开渠道', item.channels.length ? item.channels.join('、') : null],
  ];
  return (
    <dl className="cat-facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export default function ItemPage({ params }: PageProps) {
  const id = params.id ?? '';
  const { data: item, missing, error } = useApi<Item>(`/api/catalogue/items/${encodeURIComponent(id)}`);
  // Opened by index number: show the item's own stable address.
  useEffect(() => {
    if (item && String(item.id) !== id) navigate(`/catalogue/items/${item.id}`, true);
  }, [item, id]);
  if (missing) {
    return (
      <section className="cat-page">
        <PageTitle>该信息不存在</PageTitle>
        <Notice kind="warning">没有找到编号为“{id}”的已公开政府信息。它不存在，或者尚未公开。</Notice>
        <p>
          <Link to="/catalogue">返回政府信息公开目录检索</Link>
        </p>
      </section>
    );
  }
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!item) return <Loading what="政府信息" />;
  return (
    <article className="cat-page">
      <p>
        <Link to="/catalogue">政府信息公开目录</Link> › {item.bodyName}
      </p>
      <PageTitle>{item.title}</PageTitle>
      {item.revoked && (
        <Notice kind="warning">
          该信息已于 {chineseDate(item.revoked.on)} 撤销，不再公开。撤销理由：{item.revoked.reason}
        </Notice>
      )}
      {item.validity && !item.revoked && <p className={`validity validity-${item.validity.state}`}>{item.validity.label}</p>}
      <Facts item={item} />
      {item.summary && (
        <section aria-labelledby="summary-h">
          <h2 id="summary-h">内容概述</h2>
          <p>{item.summary}</p>
        </section>
      )}
      {item.content && (
        <section aria-labelledby="content-h">
          <h2 id="content-h">正文</h2>
          <div className="item-body">{item.content}</div>
        </section>
      )}
      {item.attachments.length > 0 && (
        <section aria-labelledby="att-h">
          <h2 id="att-h">附件</h2>
          <ul className="attachments">
            {item.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/files/catalogue/items/${item.id}/attachments/${a.id}`} download={a.fileName}>
                  {a.fileName}
                </a>{' '}
                <span className="hint">（{size(a.size)}，下载）</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(item.interprets || item.interpretations.length > 0) && (
        <section aria-labelledby="rel-h">
          <h2 id="rel-h">相关信息</h2>
          <ul>
            {item.interprets && (
              <li>
                解读的文件：<Link to={`/catalogue/items/${item.interprets.id}`}>{item.interprets.title}</Link>
              </li>
            )}
            {item.interpretations.map((r) => (
              <li key={r.id}>
                政策解读：<Link to={`/catalogue/items/${r.id}`}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="hint">
        本页地址长期有效：<Id>/catalogue/items/{item.id}</Id>
      </p>
    </article>
  );
}
