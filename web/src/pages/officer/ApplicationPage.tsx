/**
 * 一件申请: its particulars (personal data only for the body's officers), the due date with how
 * it was counted, the timeline, the events that may be recorded next, and the letters.
 */
import { useState, type ReactNode } from 'react';
import { DueText } from '../../components/due-date.js';
import { daysText, StateBadge, useVocabulary } from '../../components/register/common.js';
import { DueSteps } from '../../components/register/DueExplanation.js';
import { EventForm } from '../../components/register/EventForm.js';
import { LetterPanel } from '../../components/register/LetterPanel.js';
import { Timeline } from '../../components/register/Timeline.js';
import type { ApplicationDetail } from '../../components/register/types.js';
import { Id, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import type { PageProps } from '../../routes.js';
import { Link, useLocation } from '../../router.js';

const grid = { display: 'grid', gridTemplateColumns: 'minmax(7rem, max-content) 1fr', gap: '.25rem 1rem', margin: 0 } as const;

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt style={{ fontWeight: 600 }}>{term}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}

function Particulars({ d }: { d: ApplicationDetail }) {
  const a = d.arrival;
  return (
    <section aria-labelledby="particulars">
      <h2 id="particulars">申请信息</h2>
      {!d.personalData && <p className="hint">申请人的姓名、身份证件号码和联系方式已遮蔽。</p>}
      <dl style={grid}>
        <Item term="机关">{d.body.name}</Item>
        <Item term="申请人">
          {d.applicant.name}（{d.applicant.typeLabel}）
        </Item>
        <Item term="身份证件号码">{d.applicant.idNumber ?? '未填写'}</Item>
        <Item term="联系方式">{d.applicant.contact ?? '未填写'}</Item>
        <Item term="申请内容">{d.description}</Item>
        <Item term="所需信息的形式">{d.form ?? '未指定'}</Item>
        <Item term="获取方式">{d.delivery ?? '未指定'}</Item>
        <Item term="提交渠道">{d.channelLabel}</Item>
        <Item term="收到申请之日">
          {d.receivedOn}
          {a && (
            <span className="hint">
              {' '}
              （到达 {a.arrivedOn}
              {a.signedForOn && `，签收 ${a.signedForOn}`}
              {a.confirmedOn && `，确认 ${a.confirmedOn}`}）
            </span>
          )}
          <br />
          <span className="hint">{d.receiptRule}（条例第三十一条）</span>
        </Item>
        {d.outcomeLabel && <Item term="办理结果">{d.outcomeLabel}</Item>}
        {d.letterNo && <Item term="答复书文号">{d.letterNo}</Item>}
      </dl>
    </section>
  );
}

function Due({ d }: { d: ApplicationDetail }) {
  const closed = d.state === 'replied' || d.state === 'withdrawn';
  return (
    <section aria-labelledby="due">
      <h2 id="due">答复期限</h2>
      <p>
        <StateBadge state={d.state} label={d.stateLabel} />{' '}
        {d.due && (
          <>
            答复期限 <DueText due={d.due} />
            {!closed && `，${daysText(d.state, d.due)}`}
            {closed && `；已于 ${d.closedOn} ${d.state === 'replied' ? '答复' : '撤回'}`}
            {d.late && (
              <>
                {' '}
                <span className="badge badge-error">逾期答复</span>
              </>
            )}
          </>
        )}
      </p>
      {d.dueNote && <Notice kind="info">{d.dueNote}</Notice>}
      {d.due && (
        <>
          <h3>计算过程</h3>
          <DueSteps due={d.due} />
        </>
      )}
    </section>
  );
}

function Application({ id }: { id: string }) {
  const { search } = useLocation();
  const { data: d, error, set } = useGet<ApplicationDetail>(`/api/applications/${encodeURIComponent(id)}`);
  const { data: v } = useVocabulary();
  const [done, setDone] = useState<string | null>(search.get('registered') ? `已登记，申请编号 ${id}。` : null);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!d) return <Loading what="申请" />;
  return (
    <>
      {done && <Notice kind="success">{done}</Notice>}
      <Particulars d={d} />
      <Due d={d} />
      <section aria-labelledby="timeline">
        <h2 id="timeline">办理过程</h2>
        <Timeline entries={d.timeline} />
      </section>
      {d.canWrite && d.allowed.length > 0 && v && (
        <section aria-labelledby="record">
          <h2 id="record">登记办理事项</h2>
          <EventForm
            detail={d}
            v={v}
            onRecorded={(next, what) => {
              set(next);
              setDone(`已登记：${what}。`);
            }}
          />
        </section>
      )}
      <section aria-labelledby="letters">
        <h2 id="letters">告知书</h2>
        <LetterPanel detail={d} />
      </section>
    </>
  );
}

export default function ApplicationPage({ params }: PageProps) {
  const id = params.id ?? '';
  return (
    <>
      <p>
        <Link to="/officer">← 返回申请台账</Link>
      </p>
      <PageTitle>
        申请 <Id>{id}</Id>
      </PageTitle>
      <Application id={id} />
    </>
  );
}
