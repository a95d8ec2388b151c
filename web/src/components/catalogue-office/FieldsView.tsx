/** An item's fields, read-only (for reviewers, and for the published version beside a change). */
import type { ReactNode } from 'react';
import type { Fields, Vocabulary } from './types.js';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function FieldsView({ f, v, interpretationTitle }: { f: Fields; v: Vocabulary; interpretationTitle: string | null }) {
  const ground = v.grounds.find((g) => g.key === f.withheldGround);
  return (
    <dl className="cof-dl">
      <Item term="名称">{f.title}</Item>
      <Item term="文号">{f.docNo || '无'}</Item>
      <Item term="主题分类">{f.topic}</Item>
      <Item term="文件类型">{f.docType}</Item>
      <Item term="生成日期">{f.madeOn}</Item>
      <Item term="发布机构">{f.publisher}</Item>
      <Item term="公开属性">
        {v.disclosures.find((d) => d.key === f.disclosure)?.label}
        {ground && (
          <>
            ：{ground.label}
            <br />
            <span className="hint">{ground.text}</span>
          </>
        )}
      </Item>
      {f.disclosure === 'proactive' && <Item term="发布渠道">{f.channels.join('、') || '未选择'}</Item>}
      {v.ruleTypes[f.docType] && (
        <Item term="效力">
          {[
            f.effectiveOn ? `${f.effectiveOn} 起施行` : '施行日期未填写（自发布之日起施行）',
            f.expiresOn ? `有效期至 ${f.expiresOn}` : null,
            f.amendedOn ? `${f.amendedOn} 修改` : null,
            f.repealedOn ? `${f.repealedOn} 废止` : null,
          ]
            .filter(Boolean)
            .join('；')}
        </Item>
      )}
      {f.docType === '政策解读' && <Item term="被解读的文件">{interpretationTitle ?? '未链接'}</Item>}
      <Item term="内容概述">{f.summary || '无'}</Item>
      <Item term="正文">{f.content || '无'}</Item>
    </dl>
  );
}
