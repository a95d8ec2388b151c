/**
 * The browser application: one shell (header, menu by role, 大字模式, footer) around the page of
 * the current address. Everything it shows comes from the /api routes.
 */
import { StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { del } from './api.js';
import { Loading, Notice, PageTitle } from './components/ui.js';
import { Link, matchPath, navigate, useLocation } from './router.js';
import { ROUTES, type PageRoute } from './routes.js';
import { SessionProvider, useSession } from './session.js';

const LARGE_TEXT_KEY = 'gongkai.largeText';

/** 适老化: larger text and spacing everywhere, remembered on this device. */
function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(LARGE_TEXT_KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', on);
    localStorage.setItem(LARGE_TEXT_KEY, on ? '1' : '0');
  }, [on]);
  return [on, setOn];
}

function findRoute(path: string): { route: PageRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function Menu({ path }: { path: string }) {
  const { user } = useSession();
  const items = ROUTES.filter((r) => r.menu && (!r.roles || (user && r.roles.includes(user.role))));
  return (
    <nav aria-label="主菜单" className="menu">
      <ul>
        {items.map((r) => (
          <li key={r.path}>
            <Link to={r.path} {...(path === r.path ? { 'aria-current': 'page' as const } : {})}>
              {r.menu}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Header({ path }: { path: string }) {
  const { user, refresh } = useSession();
  const [large, setLarge] = useLargeText();
  const logout = async () => {
    await del('/api/session');
    await refresh();
    navigate('/');
  };
  return (
    <header className="site-header">
      <div className="bar">
        <Link to="/" className="brand">
          政府信息公开
        </Link>
        <div className="tools">
          <button type="button" className="link-button" aria-pressed={large} onClick={() => setLarge(!large)}>
            {large ? '标准字号' : '大字模式'}
          </button>
          {user ? (
            <>
              <Link to="/account">{user.displayName}</Link>
              <button type="button" className="link-button" onClick={logout}>
                退出
              </button>
            </>
          ) : (
            <Link to="/login">工作人员登录</Link>
          )}
        </div>
      </div>
      <Menu path={path} />
    </header>
  );
}

function Page() {
  const { path } = useLocation();
  const { user, loaded } = useSession();
  const found = findRoute(path);
  if (!found) {
    return (
      <>
        <PageTitle>页面不存在</PageTitle>
        <p>
          <Link to="/">返回首页</Link>
        </p>
      </>
    );
  }
  const { route, params } = found;
  if (route.roles) {
    if (!loaded) return <Loading what="登录状态" />;
    if (!user) {
      navigate(`/login?next=${encodeURIComponent(path)}`, true);
      return null;
    }
    if (!route.roles.includes(user.role)) return <Notice kind="error">您的账号（{user.roleLabel}）不能打开此页面。</Notice>;
  }
  const Component = route.page;
  return (
    <Suspense fallback={<Loading what="页面" />}>
      <Component key={path} params={params} />
    </Suspense>
  );
}

function App() {
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Header path={path} />
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
      <footer className="site-footer">
        <p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）。gongkai 开源软件。</p>
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
