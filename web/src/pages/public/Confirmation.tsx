/**
 * After a successful submission: the application number and the query code, large, with the
 * advice to write them down (the code is shown only here), and the way to the status page.
 */
import { useState } from 'react';
import { Notice, PageTitle } from '../../components/ui.js';
import { chineseDate } from '../../components/public/dates.js';
import { DueDate } from '../../components/public/DueDate.js';
import type { Submitted } from '../../components/public/types.js';
import { Link } from '../../router.js';

export function Confirmation({ submitted }: { submitted: Submitted }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`申请编号：${submitted.id}\n查询码：${submitted.queryCode}`);
      setCopied('已复制申请编号和查询码，请粘贴保存到安全的地方');
    } catch {
      setCopied('无法自动复制，请手工抄写或截图');
    }
  };
  return (
    <section className="public-page">
      <PageTitle>申请已提交</PageTitle>
      <Notice kind="success">
        您向{submitted.bodyName}提出的政府信息公开申请已提交成功，系统已即时确认。{chineseDate(submitted.receivedOn)}为收到申请之日（条例第三十一条）。
      </Notice>
      <dl className="receipt">
        <dt>申请编号</dt>
        <dd>{submitted.id}</dd>
        <dt>查询码</dt>
        <dd className="code">{submitted.queryCode}</dd>
      </dl>
      <Notice kind="warning">
        <strong>请立即抄写或截图保存申请编号和查询码。</strong>查询码只显示这一次，系统不保存查询码原文，遗失后无法找回。请不要把查询码告诉他人。
      </Notice>
      <div className="actions">
        {typeof navigator !== 'undefined' && navigator.clipboard && (
          <button type="button" className="secondary" onClick={copy}>
            复制申请编号和查询码
          </button>
        )}
      </div>
      {copied && <p role="status">{copied}</p>}
      <h2>答复期限</h2>
      <DueDate due={submitted.due} />
      <p>
        行政机关应当自收到申请之日起20个工作日内答复；需要延长的，会告知您，延长最长不超过20个工作日。行政机关要求补正、征求第三方意见时，期限会相应变化，请凭申请编号和查询码查询。
      </p>
      <div className="actions">
        <Link to={`/status?id=${encodeURIComponent(submitted.id)}`} className="button">
          查询办理进度
        </Link>
        <Link to="/" className="button secondary">
          返回首页
        </Link>
      </div>
    </section>
  );
}
