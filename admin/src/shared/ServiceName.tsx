import { ReferenceField, TextField, useRecordContext } from 'react-admin';

/** "Sucursal Centro › Caja": a department with its branch (department names repeat across branches). */
export function DepartmentOption() {
  const d = useRecordContext();
  if (!d) return null;
  return (
    <span>
      <ReferenceField record={d} source="branchId" reference="branches" link={false}>
        <TextField source="name" />
      </ReferenceField>
      {' › '}
      {String(d.name)}
    </span>
  );
}

/** "C · Depósitos y retiros (Sucursal Centro)". */
export function ServiceOption() {
  const s = useRecordContext();
  if (!s) return null;
  return (
    <span>
      {`${String(s.label)} · ${String(s.name)} (`}
      <ReferenceField record={s} source="branchId" reference="branches" link={false}>
        <TextField source="name" />
      </ReferenceField>
      )
    </span>
  );
}
