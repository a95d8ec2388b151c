/**
 * One information item: new (拟稿) or existing. The form for whoever may edit it (a published
 * item's edit is a change that goes through review while the published version stays), the
 * publication deadline with how it was counted, the review chain with the decision buttons for
 * the reviewer whose step it is, the attachments, the re-examination of withheld items, and the
 * withdrawal of a round, 撤销 of a published item and deleting a draft.
 */
import { useState } from 'react';
import { del, post, put } from '../../api.js';
import { AttachmentPanel } from '../../components/catalogue-office/AttachmentPanel.js';
import { ClockBadge, ClockSteps, daysText, StatusBadges, useVocabulary } from '../../components/catalogue-office/common.js';
import { FieldsView } from '../../components/catalogue-office/FieldsView.js';
import { Lifecycle } from '../../components/catalogue-office/Lifecycle.js';
import { emptyFields, ItemForm } from '../../components/catalogue-office/ItemForm.js';
import { Reexamination } from '../../components/catalogue-office/Reexamination.js';
import { RejectionNotice, ReviewPanel } from '../../components/catalogue-office/ReviewPanel.js';
import type { Detail, Fields, Vocabulary } from '../../components/catalogue-office/types.js';
import { DueText } from '../../components/due-date.js';
import { Id, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';

const Back = () => (
  <p>
    <Link to="/officer/catalogue">← 返回主动公开</Link>
  </p>
);

function NewItem({ v }: { v: Vocabulary }) {
  const { user } = useSession();
  const bodyId = user?.bodies[0];
  if (!bodyId || user?.role !== 'officer') return <Notice kind="error">只有机关的经办人可以拟稿。</Notice>;
  const save = async (f: Fields) => {
    const created = await post<Detail>(`/api/bodies/${encodeURIComponent(bodyId)}/catalogue/items`, f);
    navigate(`/officer/catalogue/items/${created.id}?created=1`);
  };
  return (
    <ItemForm
      v={v}
      bodyId={bodyId}
      initial={emptyFields(v, '')}
      submitLabel="保存草稿"
      intro="保存后生成索引号；草稿可以继续修改，提交审核后依次经过各审核步骤，全部通过才发布。发布机构不填时为本机关名称。"
      onSave={save}
    />
  );
}

function Clock({ d }: { d: Detail }) {
  if (!d.clock) return null;
  return (
    <section aria-labelledby="clock-heading">
      <h2 id="clock-heading">发布期限</h2>
      <p>
        <ClockBadge clock={d.clock} /> {d.clock.changed ? '变更后' : ''}应于 <DueText due={d.clock} /> 前发布，{daysText(d.clock)}。
      </p>
      <ClockSteps clock={d.clock} folded={false} />
    </section>
  );
}

function Content({ d, v, onSaved }: { d: Detail; v: Vocabulary; onSaved(next: Detail, message: string): void }) {
  const settled = d.status === 'published' || d.status === 'approved';
  const [changing, setChanging] = useState(false);
  const save = async (f: Fields) => {
    const next = await put<Detail>(`/api/office/catalogue/items/${d.id}`, { ...f, version: d.version });
    setChanging(false);
    onSaved(next, settled ? '变更已保存；提交审核并全部通过后替换已发布的版本。' : '已保存。');
  };
  const proposed = d.pending?.fields ?? d.fields;
  if (d.can.edit && (!settled || d.pending || changing)) {
    const initial = settled && !d.pending ? { ...d.fields, madeOn: v.today } : proposed;
    return (
      <section aria-labelledby="content-heading">
        <h2 id="content-heading">{settled ? '变更内容' : '信息内容'}</h2>
        <ItemForm
          key={`${d.id}-${d.updatedAt}`}
          v={v}
          bodyId={d.body.id}
          initial={initial}
          selfId={d.id}
          submitLabel={settled ? '保存变更' : '保存草稿'}
          {...(settled ? { intro: '变更须重新审核；生成日期为变更之日，发布期限自此重新起算。审核通过前，公众看到的仍是已发布的版本。' } : {})}
          onSave={save}
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">{d.pending ? '待审核的变更内容' : '信息内容'}</h2>
      <FieldsView f={proposed} v={v} interpretationTitle={d.interpretationTitle} />
      {d.pending && (
        <details>
          <summary>已发布的版本</summary>
          <FieldsView f={d.fields} v={v} interpretationTitle={d.interpretationTitle} />
        </details>
      )}
      {d.can.edit && settled && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setChanging(true)}>
            变更此信息
          </button>
        </div>
      )}
    </section>
  );
}

function Item({ id, v }: { id: number; v: Vocabulary }) {
  const { search } = useLocation();
  const { data: d, error, set, reload } = useGet<Detail>(`/api/office/catalogue/items/${id}`);
  const [message, setMessage] = useState<string | null>(search.get('created') ? '草稿已保存，索引号已生成。' : null);
  const [failure, setFailure] = useState<string | null>(null);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!d) return <Loading what="信息" />;
  const done = (next: Detail, text: string) => {
    set(next);
    setFailure(null);
    setMessage(text);
  };
  const discard = async () => {
    try {
      done(await del<Detail>(`/api/office/catalogue/items/${d.id}/change`), '已放弃变更，已发布的版本不变。');
    } catch (e) {
      setFailure((e as Error).message);
    }
  };
  return (
    <>
      <PageTitle>{d.title}</PageTitle>
      <p>
        索引号 <strong><Id>{d.indexNo}</Id></strong> <StatusBadges row={d} />
        {d.publishedOn && <span className="hint"> 发布日期 {d.publishedOn}</span>}
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      {failure && <Notice kind="error">{failure}</Notice>}
      <RejectionNotice d={d} />
      <Lifecycle d={d} onDone={done} />
      {d.pending && <Notice kind="info">此信息有一项变更（{d.pending.statusLabel}）。变更审核通过前，公众看到的仍是已发布的版本。</Notice>}
      <Clock d={d} />
      <Content d={d} v={v} onSaved={done} />
      {d.can.discardChange && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void discard()}>
            放弃变更
          </button>
        </div>
      )}
      <ReviewPanel d={d} onDone={done} />
      <AttachmentPanel
        d={d}
        maxBytes={v.maxAttachmentBytes}
        onChanged={async (text) => {
          await reload();
          setMessage(text);
        }}
      />
      {(d.can.reexamine || d.reexaminations.length > 0) && <Reexamination d={d} article={v.article18} onDone={done} />}
    </>
  );
}

export default function ItemEditPage({ params }: PageProps) {
  const { data: v, error } = useVocabulary();
  const id = params.id ? Number(params.id) : null;
  return (
    <>
      <Back />
      {!id && <PageTitle>拟稿：新建信息</PageTitle>}
      {error && <Notice kind="error">{error}</Notice>}
      {!v && !error && <Loading what="表单" />}
      {v && (id ? <Item key={id} id={id} v={v} /> : <NewItem v={v} />)}
    </>
  );
}
