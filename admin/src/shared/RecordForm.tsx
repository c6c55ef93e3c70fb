// react-admin's SimpleForm, keeping what the user already typed when a fresher copy of the record
// arrives: an edit page first shows the record as the list cached it, then refetches it, and by
// default that refetch reset the form under the user's fingers (typed text gone, Save disabled).
import { SimpleForm, type SimpleFormProps } from 'react-admin';

const KEEP_TYPED = { keepDirtyValues: true } as const;

export const RecordForm = (props: SimpleFormProps) => <SimpleForm resetOptions={KEEP_TYPED} {...props} />;
