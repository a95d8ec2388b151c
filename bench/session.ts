/** A browser's session against a running server, for the HTTP benchmarks: cookies and CSRF token, signed in when a user is given. */
export async function session(base: string, username?: string, password?: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(';')[0]!.split('=');
      jar.set(k!, v!);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let res = await fetch(`${base}/api/session`);
  take(res);
  let csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  if (username) {
    res = await fetch(`${base}/api/session`, { method: 'POST', headers: { cookie: cookie(), 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
    take(res);
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  return { cookie: cookie(), csrf };
}
