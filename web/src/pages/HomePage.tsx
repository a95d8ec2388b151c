import { PageTitle } from '../components/ui.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { HOME_OF } from './LoginPage.js';

export default function HomePage() {
  const { user } = useSession();
  return (
    <section>
      <PageTitle>政府信息公开</PageTitle>
      <p className="lead">依据《中华人民共和国政府信息公开条例》，公民、法人和其他组织可以向行政机关申请获取政府信息。</p>
      <div className="cards">
        <Link to="/apply" className="card">
          <h2>申请政府信息公开</h2>
          <p>在线填写申请，获得申请编号和查询码。</p>
        </Link>
        <Link to="/status" className="card">
          <h2>查询办理进度</h2>
          <p>凭申请编号和查询码查看办理过程、答复期限，在线补正或撤回申请。</p>
        </Link>
        <Link to="/regions" className="card">
          <h2>各地年度报告</h2>
          <p>各机关政府信息公开工作年度报告的发布日期、是否按时和检查情况。</p>
        </Link>
        {user ? (
          <Link to={HOME_OF[user.role]} className="card">
            <h2>进入工作台</h2>
            <p>{user.displayName}（{user.roleLabel}）</p>
          </Link>
        ) : (
          <Link to="/login" className="card">
            <h2>工作人员登录</h2>
            <p>经办人、审核人、监督者和管理员。</p>
          </Link>
        )}
      </div>
    </section>
  );
}
