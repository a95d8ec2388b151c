/**
 * The administrator's page: links to the directory of bodies, the accounts, the holiday calendar and the audit log.
 */
import { PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';

function Directory() {
  return (
    <section aria-labelledby="bodies-h">
      <h2 id="bodies-h">机关名录</h2>
      <p>
        地区和机关的树，CSV 或 Excel 批量导入导出，修改机关的名称、别名、所属地区，以及是否在本系统办理：<Link to="/admin/directory">管理机关名录</Link>
      </p>
    </section>
  );
}

function Users() {
  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">账号</h2>
      <p>
        新建账号，修改角色、所属机关和监督范围，停用账号，重置密码，解除登录锁定：<Link to="/admin/users">管理账号</Link>
      </p>
    </section>
  );
}

function Calendar() {
  return (
    <section aria-labelledby="cal-h">
      <h2 id="cal-h">节假日和调休</h2>
      <p>
        国务院办公厅公布新一年的放假安排后，粘贴通知正文一次载入，并标记该年已完整：<Link to="/admin/calendar">管理节假日和调休</Link>
      </p>
    </section>
  );
}

function Audit() {
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">审计日志</h2>
      <p>
        谁在什么时间改了什么（改前 → 改后），可按人员、操作、机关和日期筛选并导出：<Link to="/admin/audit">查看审计日志</Link>
      </p>
    </section>
  );
}

export default function AdminPage(_props: PageProps) {
  return (
    <>
      <PageTitle>系统管理</PageTitle>
      <Directory />
      <Users />
      <Calendar />
      <Audit />
    </>
  );
}
