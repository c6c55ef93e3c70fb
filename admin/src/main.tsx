// Issue 17: the back office opens on a login that needs neither react-admin nor MUI (1.6 MB of
// JavaScript): this file asks the API who holds the session, shows the light login
// (login/LoginForm) to nobody, and downloads the react-admin app (App.tsx) for a supervisor or
// an admin — already signed in, or once they start typing their credentials.
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginForm } from './login/LoginForm';
import { currentUser, logIn, staffOnly } from './login/session';
import { loadMessages, storedLocale, translatorOf } from './login/translate';

const loadApp = () => import('./App');
const App = lazy(async () => ({ default: (await loadApp()).App }));

type Stage =
  | { name: 'checking' }
  | { name: 'signed-in' }
  | { name: 'signed-out'; translate: ReturnType<typeof translatorOf>; refusal?: unknown };

function Boot() {
  const [stage, setStage] = useState<Stage>({ name: 'checking' });
  useEffect(() => {
    const signedOut = async (refusal?: unknown) => {
      const locale = storedLocale();
      document.documentElement.lang = locale;
      setStage({ name: 'signed-out', translate: translatorOf(await loadMessages(locale)), refusal });
    };
    currentUser().then(
      // An agent's session (her console's cookie) is refused here, and left alone.
      (user) =>
        !user ? signedOut() : user.role === 'agent' ? signedOut(staffOnly()) : setStage({ name: 'signed-in' }),
      (err: unknown) => signedOut(err),
    );
  }, []);
  if (stage.name === 'checking') return null;
  if (stage.name === 'signed-in')
    return (
      <Suspense fallback={null}>
        <App />
      </Suspense>
    );
  return (
    <main className="login-page">
      <LoginForm
        translate={stage.translate}
        refusal={stage.refusal}
        onTyping={() => void loadApp()}
        submit={async (credentials) => {
          await logIn(credentials);
          await loadApp();
          // Signed in from react-admin's own login address: to the home page, not back to it.
          if (window.location.hash.startsWith('#/login')) window.history.replaceState(null, '', '#/');
          setStage({ name: 'signed-in' });
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
