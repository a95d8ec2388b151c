/**
 * A page of catalogue items: the name (the words searched for marked), who published it and when,
 * the index number and 文号, the summary. Each name links to the item's stable address.
 */
import type { ReactNode } from 'react';
import { Link } from '../../router.js';
import { chineseDate } from './common.js';
import type { ItemSummary } from './types.js';
import { Id } from '../ui.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with each occurrence of a term in <mark> (the terms as typed, any letter case). */
function marked(text: string, terms: readonly string[]): ReactNode {
  const usable = terms.filter((t) => t.length > 0);
  if (!usable.length) return text;
  const parts = text.split(new RegExp(`(${usable.map(escape).join('|')})`, 'gi'));
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

export function ResultList({ items, terms, label }: { items: readonly ItemSummary[]; terms: readonly string[]; label: string }) {
  return (
    <ol className="results" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <h3>
            <Link to={`/catalogue/items/${item.id}`}>{marked(item.title, terms)}</Link>
          </h3>
          {item.summary && <p className="summary">{marked(item.summary, terms)}</p>}
          <p className="meta">
            <span>{item.bodyName}</span>
            <span>发布日期：{chineseDate(item.publishedOn)}</span>
            <span>索引号：<Id>{item.indexNo}</Id></span>
            {item.docNo && <span>文号：{item.docNo}</span>}
            {item.docType && <span>{item.docType}</span>}
            {item.validity && <span className={`validity validity-${item.validity.state}`}>{item.validity.label}</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
