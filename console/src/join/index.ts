// The customer's side of a video call, loaded on demand by the router (`/join/:token`, no login).
export { JoinRoute, JoinPage } from './JoinPage';
