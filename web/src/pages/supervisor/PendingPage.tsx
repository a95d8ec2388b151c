/**
 * 待匹配: the uploaded reports whose body could not be told for certain inside the supervisor's
 * scope. For each, the supervisor picks a candidate, finds another body of the scope by name, or
 * creates the body — observed, in a region of the scope. Nothing is created without this choice.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiFailure, get, post, query } from '../../api.js';
import { ensureSupervisorStyles } from '../../components/supervisor/styles.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { useGet } from '../../hooks.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';
import type { PendingListSchema } from '../../../../src/api/pending.js';

ensureSupervisorStyles();

type PendingList = z.infer<typeof PendingListSchema>;
type Pending = PendingList['reports'][number];
type Option = Pending['candidates'][number];
type Message = { kind: 'error' | 'success'; text: string } | null;

const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
const optionLabel = (o: Option) => `${o.name}（${[o.regionName, o.levelLabel].filter(Boolean).join('，')}）`;

function PendingReport({ report, list, done }: { report: Pending; list: PendingList; done(text: string): Promise<void> }) {
  const [choice, setChoice] = useState(report.candidates[0]?.id ?? '');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Option[] | null>(null);
  const [name, setName] = useState(report.unit);
  const [region, setRegion] = useState('');
  const [level, setLevel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const options = [...report.candidates, ...(found ?? []).filter((f) => !report.candidates.some((c) => c.id === f.id))];
  const run = async (work: () => Promise<unknown>, text: string) => {
    setError(null);
    try {
      await work();
      await done(text);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : '操作失败，请稍后再试');
    }
  };
  const search = async (e: FormEvent) => {
    e.preventDefault();
    setFound(await get<Option[]>(`/api/supervisor/scope-bodies${query({ q })}`));
  };
  const pick = (e: FormEvent) => {
    e.preventDefault();
    const body = options.find((o) => o.id === choice);
    if (body) void run(() => post(`/api/supervisor/pending/${report.reportId}/body`, { bodyId: body.id }), `“${report.fileName}”已归入${body.name}`);
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(() => post(`/api/supervisor/pending/${report.reportId}/new-body`, { name, regionCode: region, ...(level ? { level } : {}) }), `已新建机关“${name.trim()}”（仅收录报告），“${report.fileName}”已归入`);
  };
  const id = `pending-${report.reportId}`;
  return (
    <section className="pending-card" aria-labelledby={id}>
      <h2 id={id}>
        {report.unit || '（报告未写明机关）'} {report.year !== null && <span className="hint">{report.year} 年度</span>}
      </h2>
      <p>
        文件 <Link to={`/supervisor/reports/${report.reportId}`}>{report.fileName}</Link>，{day(report.uploadedAt)} 上传；错误 {report.errors} 处，警告 {report.warnings} 处。
        {report.candidates.length ? ` 监督范围内有 ${report.candidates.length} 个机关都可能是它，请选择。` : ' 监督范围内没有找到这个机关。'}
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={search} className="filters" aria-label={`为“${report.fileName}”查找机关`}>
        <Field label="在监督范围内查找机关">{(p) => <input {...p} value={q} onChange={(e) => setQ(e.target.value)} placeholder="名称或别名中的字" />}</Field>
        <button type="submit" className="secondary">查找</button>
      </form>
      {found && !found.length && <p className="hint">没有找到名称含“{q}”的机关。</p>}
      {options.length > 0 && (
        <form onSubmit={pick} aria-label={`为“${report.fileName}”选择机关`}>
          <fieldset>
            <legend>选择机关</legend>
            {options.map((o) => (
              <label key={o.id} className="choice">
                <input type="radio" name={`body-${report.reportId}`} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} /> {optionLabel(o)}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={!options.some((o) => o.id === choice)}>归入所选机关</button>
        </form>
      )}
      {!list.regions.length ? (
        <p className="hint">您的监督范围没有设置地区，不能新建机关；名录中没有的机关，请管理员在账号中设置监督地区或在机关名录中添加。</p>
      ) : (
      <details>
        <summary>名录中没有这个机关：在监督范围内新建</summary>
        <form onSubmit={create} className="filters" aria-label={`为“${report.fileName}”新建机关`}>
          <Field label="机关全称">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}</Field>
          <Field label="所属地区">
            {(p) => (
              <select {...p} value={region} onChange={(e) => setRegion(e.target.value)} required>
                <option value="">请选择</option>
                {list.regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}（{r.code}）
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="层级">
            {(p) => (
              <select {...p} value={level} onChange={(e) => setLevel(e.target.value)}>
                <option value="">按名称判断</option>
                {list.levels.map((l) => (
                  <option key={l.level} value={l.level}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">新建机关并归入</button>
        </form>
        <p className="hint">新建的机关只收录其公布的报告，不在本系统受理申请，也不向公众列出。</p>
      </details>
      )}
    </section>
  );
}

export default function PendingPage(_props: PageProps) {
  const list = useGet<PendingList>('/api/supervisor/pending');
  const [message, setMessage] = useState<Message>(null);
  const done = async (text: string) => {
    setMessage({ kind: 'success', text });
    await list.reload();
  };
  return (
    <>
      <PageTitle>待匹配</PageTitle>
      <p className="lead">
        这些报告已经上传并检查，但未能在您的监督范围内唯一确定其机关（名称对不上，或有多个同名机关）。请为每份报告选择机关，或在您监督范围内的地区新建机关。
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {!list.data && !list.error && <Loading what="待匹配的报告" />}
      {list.data && !list.data.reports.length && <Notice kind="success">没有待匹配的报告。</Notice>}
      {list.data?.reports.map((r) => <PendingReport key={r.reportId} report={r} list={list.data!} done={done} />)}
    </>
  );
}
