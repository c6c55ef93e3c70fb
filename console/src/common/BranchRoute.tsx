// `/display/:branchId`, `/kiosk/:branchId`: a branch's public screen for a numeric id; any other
// id is no branch, and the visitor lands on the console's home.
import { useEffect, type ComponentType } from 'react';

export function BranchRoute({ id, screen: Screen }: { id: string; screen: ComponentType<{ branchId: number }> }) {
  const valid = /^\d+$/.test(id);
  useEffect(() => {
    if (!valid) window.location.replace('/');
  }, [valid]);
  return valid ? <Screen branchId={Number(id)} /> : null;
}
