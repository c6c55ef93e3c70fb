// react-admin's login page (after a log-out or an expired session): the same light form as the
// first visit (main.tsx), logging in through react-admin's useLogin, which calls the
// authProvider and then returns to where the person was.
import { useLogin, useTranslate } from 'react-admin';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const login = useLogin();
  const translate = useTranslate();
  return (
    <main className="login-page">
      <LoginForm translate={translate} submit={(credentials) => login(credentials)} />
    </main>
  );
}
