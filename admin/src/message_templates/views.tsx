// An entity's own wording of its customer messages (issue 20), per kind and language. A kind
// and language without one is sent with the default wording, shown here as the starting text.
import { MESSAGE_KINDS, MESSAGE_LANGS, type MessageKind, type MessageLang } from '@domain/messages';
import { DEFAULT_TEMPLATES, PLACEHOLDERS } from '@domain/messages-templates';
import {
  Create,
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { useWatch, useFormContext } from 'react-hook-form';
import { useEffect } from 'react';
import { AuditedEdit } from '../shared/AuditedEdit';
import { RecordForm } from '../shared/RecordForm';

const KINDS = MESSAGE_KINDS.map((id) => ({ id, name: `resources.messages.kinds.${id}` }));
const LANGS = MESSAGE_LANGS.map((id) => ({ id, name: `resources.message_templates.langs.${id}` }));
const HELP = PLACEHOLDERS.map((p) => `{${p}}`).join(' ');

const TemplateList = () => (
  <List exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <FunctionField source="kind" render={(t: { kind: string }) => <Kind value={t.kind} />} />
      <FunctionField source="lang" render={(t: { lang: string }) => <Lang value={t.lang} />} />
      <TextField source="subject" sortable={false} />
    </Datagrid>
  </List>
);

function Kind({ value }: { value: string }) {
  return <span>{useTranslate()(`resources.messages.kinds.${value}`)}</span>;
}
function Lang({ value }: { value: string }) {
  return <span>{useTranslate()(`resources.message_templates.langs.${value}`)}</span>;
}

/** On a new template, the default wording of the chosen kind and language is the starting text. */
function DefaultText() {
  const { setValue, getFieldState } = useFormContext();
  const kind = useWatch({ name: 'kind' }) as MessageKind | undefined;
  const lang = useWatch({ name: 'lang' }) as MessageLang | undefined;
  useEffect(() => {
    if (!kind || !lang) return;
    const d = DEFAULT_TEMPLATES[lang][kind];
    if (!getFieldState('subject').isDirty) setValue('subject', d.subject);
    if (!getFieldState('body').isDirty) setValue('body', d.body);
  }, [kind, lang, setValue, getFieldState]);
  return null;
}

const TemplateForm = ({ creating = false }: { creating?: boolean }) => {
  const translate = useTranslate();
  return (
    <RecordForm>
      <SelectInput source="kind" choices={KINDS} validate={required()} />
      <SelectInput source="lang" choices={LANGS} validate={required()} />
      {creating && <DefaultText />}
      <TextInput source="subject" validate={required()} fullWidth />
      <TextInput
        source="body"
        validate={required()}
        multiline
        minRows={4}
        fullWidth
        helperText={`${translate('resources.message_templates.placeholders')} ${HELP}`}
      />
    </RecordForm>
  );
};

export default {
  list: TemplateList,
  edit: () => (
    <AuditedEdit>
      <TemplateForm />
    </AuditedEdit>
  ),
  create: () => (
    <Create redirect="list">
      <TemplateForm creating />
    </Create>
  ),
};
