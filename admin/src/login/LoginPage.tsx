// react-admin's login card with our form: e-mail and password, and, when they open users of
// several entities (the API answers ChooseEntity), a second step naming them that sends the
// login again with the chosen slug (authProvider.login receives `entity`). The e-mail and the
// password stay in the form while the person chooses or goes back to change the e-mail.
import { Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  Form,
  Login,
  PasswordInput,
  RadioButtonGroupInput,
  TextInput,
  required,
  useLogin,
  useTranslate,
} from 'react-admin';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { useNotifyError } from '../shared/errors';
import { entitiesToChoose, rememberedEntity, rememberEntity, type EntityOption } from './entityChoice';

interface Credentials {
  username: string;
  password: string;
  entity?: string;
}

/** Read by screen readers only (the choice is announced as it appears). */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export const LoginPage = () => (
  <Login>
    <LoginForm />
  </Login>
);

function LoginForm() {
  const login = useLogin();
  const notifyError = useNotifyError();
  const [loading, setLoading] = useState(false);
  /** Set when the API answered ChooseEntity: the login is sent again with one of these. */
  const [entities, setEntities] = useState<EntityOption[]>();
  const submit = async (values: FieldValues) => {
    const { username, password, entity } = values as Credentials;
    setLoading(true);
    try {
      await login({ username, password, ...(entities ? { entity } : {}) });
      if (entities && entity) rememberEntity(username, entity);
    } catch (err) {
      const named = entitiesToChoose(err);
      if (named) setEntities(named);
      else notifyError(err);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Form onSubmit={submit} mode="onChange" noValidate>
      <CardContent sx={{ width: 320, pb: 2 }}>
        <Fields entities={entities} onBack={() => setEntities(undefined)} />
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} /> : <SignInLabel />}
        </Button>
      </CardContent>
    </Form>
  );
}

const SignInLabel = () => <>{useTranslate()('ra.auth.sign_in')}</>;

function Fields({ entities, onBack }: { entities: EntityOption[] | undefined; onBack(): void }) {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext<Credentials>();
  const box = useRef<HTMLDivElement>(null);
  const chose = useRef(false);
  useEffect(() => {
    const find = (selector: string) => box.current?.querySelector<HTMLInputElement>(selector);
    if (!entities) {
      // Back from the choice: to the e-mail, to change it.
      if (chose.current) find('input[name="username"]')?.focus();
      return;
    }
    chose.current = true;
    setValue('entity', rememberedEntity(getValues('username'), entities) ?? '');
    // The checked radio (or the first) once the value is drawn: keyboard and screen reader land on the choice.
    const frame = requestAnimationFrame(() =>
      (find('input[name="entity"]:checked') ?? find('input[name="entity"]'))?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [entities, getValues, setValue]);
  const hint = entities ? translate('ventanilla.login.choose_entity', { smart_count: entities.length }) : '';
  return (
    <Box ref={box}>
      <Box role="status" sx={visuallyHidden}>
        {hint}
      </Box>
      {entities ? (
        <>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
            <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="login-email">
              {getValues('username')}
            </Typography>
            <Button size="small" onClick={onBack} sx={{ ml: -0.5, px: 0.5, minWidth: 0, whiteSpace: 'nowrap' }}>
              {translate('ventanilla.login.change_email')}
            </Button>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {hint}
          </Typography>
          <RadioButtonGroupInput
            source="entity"
            label="ventanilla.login.entity"
            choices={entities}
            optionValue="slug"
            optionText="name"
            translateChoice={false}
            row={false}
            validate={required()}
            helperText={false}
          />
        </>
      ) : (
        <>
          <TextInput
            autoFocus
            source="username"
            type="email"
            label="ra.auth.email"
            autoComplete="username"
            validate={required()}
          />
          <PasswordInput
            source="password"
            label="ra.auth.password"
            autoComplete="current-password"
            validate={required()}
          />
        </>
      )}
    </Box>
  );
}
