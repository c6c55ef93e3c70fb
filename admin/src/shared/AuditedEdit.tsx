// The edit page of a configuration record (issue 19): saved only once the server answers
// (pessimistic), with the record's change history beside the form; a save refreshes that
// history, so the change just made is in it whichever page the save leads to.
import { useQueryClient } from '@tanstack/react-query';
import { Edit, type EditProps } from 'react-admin';
import { ChangeHistory } from '../config_audit/ChangeHistory';

export function AuditedEdit(props: EditProps) {
  const queryClient = useQueryClient();
  return (
    <Edit
      mutationMode="pessimistic"
      aside={<ChangeHistory />}
      mutationOptions={{ onSettled: () => queryClient.invalidateQueries({ queryKey: ['config_audit'] }) }}
      {...props}
    />
  );
}
