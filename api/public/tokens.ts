// The status-page tokens live in db/ (the worker's messages issue them too); the API's routes import them here.
export { issueStatusToken, statusLink, ticketOfToken } from '../../db/status-tokens.js';
