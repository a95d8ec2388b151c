/**
 * /officer/settings: the body's guide settings — the disclosure office, address, hours, phone,
 * fax, e-mail, website, the channels for applications and whom to complain to. The public guide
 * (/guide/:bodyId) is generated from them. An administrator picks the body first.
 */
import { useState, type FormEvent } from 'react';
import { put } from '../../api.js';
import { BodyPicker, useApi } from '../../components/catalogue-public/common.js';
import type { Guide } from '../../components/catalogue-public/types.js';
import '../../components/catalogue-public/catalogue-public.css';
import { SaveFailure } from '../../components/save-failure.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { checkGuideSettings, GUIDE_CHANNEL_FIELDS, GUIDE_TEXT_FIELDS, type GuideFieldErrors, type GuideSettings } from '../../../../src/catalogue/guide.js';

const GROUPS: { legend: string; keys: string[] }[] = [
  { legend: '工作机构和联系方式', keys: ['officeName', 'address', 'postalCode', 'officeHours', 'phone', 'fax', 'email', 'website'] },
  { legend: '监督和救济', keys: ['mailbox', 'hotline', 'supervisor', 'reconsideration', 'court'] },
];

function SettingsForm({ guide, onSaved }: { guide: Guide; onSaved(g: Guide): void }) {
  const [s, setS] = useState<GuideSettings>(guide.settings);
  const [errors, setErrors] = useState<GuideFieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setFailure(null);
    const found = checkGuideSettings(s);
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage({ kind: 'error', text: `有 ${Object.keys(found).length} 处需要修改：${Object.values(found).join('；')}` });
      return;
    }
    setBusy(true);
    try {
      const saved = await put<Guide>(`/api/bodies/${encodeURIComponent(guide.body.id)}/guide`, { ...s, version: guide.version });
      onSaved(saved);
      setMessage({ kind: 'success', text: '已保存，公开指南已随之更新' });
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save} noValidate aria-label="指南设置">
      {GROUPS.map((g) => (
        <fieldset key={g.legend} className="body-picker">
          <legend>{g.legend}</legend>
          {GUIDE_TEXT_FIELDS.filter((f) => g.keys.includes(f.key)).map((f) => (
            <Field key={f.key} label={f.label} hint={'hint' in f ? f.hint : undefined} error={errors[f.key]}>
              {(p) => <input {...p} name={f.key} value={(s[f.key] as string | undefined) ?? ''} onChange={(e) => setS({ ...s, [f.key]: e.target.value })} />}
            </Field>
          ))}
        </fieldset>
      ))}
      <fieldset className="checks" aria-describedby={errors.channels ? 'channels-error' : undefined}>
        <legend>接受申请的渠道</legend>
        {GUIDE_CHANNEL_FIELDS.map((f) => (
          <label key={f.key}>
            <input type="checkbox" name={f.key} checked={s[f.key] !== false} onChange={(e) => setS({ ...s, [f.key]: e.target.checked })} />
            {f.label}
          </label>
        ))}
        {errors.channels && (
          <p className="error-text" id="channels-error">
            {errors.channels}
          </p>
        )}
      </fieldset>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {failure !== null && <SaveFailure error={failure} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? '正在保存…' : '保存'}
        </button>
        <Link to={`/guide/${encodeURIComponent(guide.body.id)}`} className="button secondary">
          查看公开的指南
        </Link>
      </div>
    </form>
  );
}

function BodySettings({ bodyId }: { bodyId: string }) {
  const { data, error } = useApi<Guide>(`/api/bodies/${encodeURIComponent(bodyId)}/guide`);
  const [saved, setSaved] = useState<Guide | null>(null);
  const guide = saved ?? data;
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!guide) return <Loading what="指南设置" />;
  if (!guide.canEdit) return <Notice kind="error">您不能修改{guide.body.name}的指南设置。</Notice>;
  return (
    <>
      <p>
        {guide.body.name}：以下内容填入本机关的<Link to={`/guide/${encodeURIComponent(bodyId)}`}>政府信息公开指南</Link>（条例第十二条）。
      </p>
      {guide.guide.missing.length > 0 && <Notice kind="warning">指南尚缺：{guide.guide.missing.join('、')}</Notice>}
      <SettingsForm guide={guide} onSaved={setSaved} />
    </>
  );
}

export default function SettingsPage(_props: PageProps) {
  const { user } = useSession();
  const { search } = useLocation();
  const [picked, setPicked] = useState(search.get('body') ?? '');
  const bodyId = user?.role === 'officer' ? (user.bodies[0] ?? '') : (search.get('body') ?? '');
  return (
    <section className="cat-page">
      <PageTitle>指南设置</PageTitle>
      {user?.role === 'admin' && (
        <form
          aria-label="选择机关"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/officer/settings?body=${encodeURIComponent(picked)}`);
          }}
        >
          <BodyPicker label="机关" value={picked} onChange={setPicked} />
          <div className="actions">
            <button type="submit" className="secondary">
              打开该机关的设置
            </button>
          </div>
        </form>
      )}
      {bodyId ? <BodySettings key={bodyId} bodyId={bodyId} /> : user?.role !== 'admin' && <Notice kind="error">您的账号没有所属机关。</Notice>}
    </section>
  );
}
