import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Problem } from '../../api/problem';
import { PAGES } from '../../app/page-paths';
import { session } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { useProblemText } from '../../ui/ProblemAlert';

interface ReturnState {
  readonly from?: string;
  readonly ended?: 'expired';
}

export function SignInPage() {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const back = (location.state ?? {}) as ReturnState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in' && !busy) return <Navigate to={back.from ?? PAGES.home} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const refused = await session.signIn(email, password);
    setBusy(false);
    setProblem(refused);
    if (!refused) await navigate(back.from ?? PAGES.home, { replace: true });
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-box">
        <h1>jointcall</h1>
        <p className="muted">{t('auth.tagline')}</p>
        {back.ended === 'expired' && <p role="status">{t('auth.sessionEnded')}</p>}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor="email">{t('auth.email')}</label>
            <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">{t('auth.password')}</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {problem && (
            <p role="alert" className="alert alert-error">
              {problemText(problem)}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t('auth.signIn')}
          </button>
        </form>
        <LanguageSelect visibleLabel />
      </div>
    </main>
  );
}
