// `/display/:branchId`, `/kiosk/:branchId`: a branch's public screen for a numeric id; any other
// id is no branch, and the visitor lands on the console's home.
import type { ComponentType } from 'react';
import { Navigate, useParams } from 'react-router';

export function BranchRoute({ screen: Screen }: { screen: ComponentType<{ branchId: number }> }) {
  const { branchId } = useParams();
  return branchId && /^\d+$/.test(branchId) ? <Screen branchId={Number(branchId)} /> : <Navigate to="/" replace />;
}
