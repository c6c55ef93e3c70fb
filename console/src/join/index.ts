// For the console's router: `if (matchParam(path, 'join')) return <JoinRoute />;` (no login).
export { JoinRoute as joinRoute, JoinRoute, JoinPage } from './JoinPage';
