/**
 * The administrator's accounts and sign-in locks. Handlers only; the use cases are
 * src/app/accounts/users.ts.
 */
import { clearSignInLock, createUser, listSignInLocks, listUsers, resetUserPassword, setUserBodies, setUserDisabled, updateUser } from '../../api/users.js';
import {
  clearSignInLock as clearLock,
  createAccount,
  listAccounts,
  resetAccountPassword,
  setAccountBodies,
  setAccountDisabled,
  signInLocks,
  updateAccount,
} from '../../app/accounts/users.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';

const ok = { ok: true as const };

export const userRoutes: RouteModule = (app, deps) => {
  app.openapi(listUsers, async (c) => c.json(await listAccounts(deps, requireUser(c)), 200));

  app.openapi(createUser, async (c) => c.json(await createAccount(deps, requireUser(c), c.req.valid('json')), 200));

  app.openapi(updateUser, async (c) => {
    await updateAccount(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(ok, 200);
  });

  app.openapi(setUserBodies, async (c) => {
    await setAccountBodies(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json').bodies);
    return c.json(ok, 200);
  });

  app.openapi(setUserDisabled, async (c) => {
    await setAccountDisabled(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json').disabled);
    return c.json(ok, 200);
  });

  app.openapi(resetUserPassword, async (c) => c.json(await resetAccountPassword(deps, requireUser(c), c.req.valid('param').id), 200));

  app.openapi(listSignInLocks, async (c) => c.json(await signInLocks(deps, requireUser(c)), 200));

  app.openapi(clearSignInLock, async (c) => {
    await clearLock(deps, requireUser(c), c.req.valid('param'));
    return c.json(ok, 200);
  });
};
