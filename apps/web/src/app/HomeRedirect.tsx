import { Navigate } from 'react-router';
import { CONSOLES, useMe } from '../features/me/me-query';
import { Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { pagePath } from './page-paths';

/** The first console the user's roles open. */
export function HomeRedirect() {
  const me = useMe();
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Loading />;
  const roles = new Set(me.data.roles);
  const first = CONSOLES.find((console) => roles.has(console.role));
  return first ? <Navigate to={pagePath(first.page)} replace /> : <Navigate to={pagePath('researcherCalls')} replace />;
}
