// Errors are data (STYLE, seams): a stable code, its parameters, and a class that says what a
// caller can do (HTTP status). Workflows raise them as ApplicationFailures whose type is the
// code and whose first detail is the params; the API answers
//   { error: <class>, code, params, message, fields?: { <field>: { code, params } } }
// and each UI turns `code` + `params` into a sentence of its own language (errors.<code> in its
// dictionaries; a test checks that both dictionaries of each UI hold every code below).
// `message` is English for logs and API users, never shown on a screen.

/** What the caller can do about it, as an HTTP status. */
export const ERROR_STATUS = {
  Validation: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  IllegalTransition: 409,
  Conflict: 409,
  PayloadTooLarge: 413,
  TooManyRequests: 429,
  Unavailable: 503,
} as const;
export type ErrorKind = keyof typeof ERROR_STATUS;

/** Every reason the server gives, with its class. Params are listed for translators. */
export const ERROR_CODES = {
  // Generic: bad input (field errors carry their own codes, see FIELD_CODES), unknown rows.
  Validation: 'Validation', // fields
  BadJson: 'Validation',
  JsonOnly: 'Validation',
  NotFound: 'NotFound', // { resource? }
  PayloadTooLarge: 'PayloadTooLarge',
  TooManyRequests: 'TooManyRequests',
  Unavailable: 'Unavailable',
  // Sessions and rights.
  LoginRequired: 'Unauthorized',
  SessionExpired: 'Unauthorized',
  BadCredentials: 'Unauthorized',
  ChooseEntity: 'Conflict', // { entities: [{ slug, name }] }: the e-mail and password open several
  JoinFirst: 'Unauthorized',
  RoleRequired: 'Forbidden', // { roles }
  BackOfficeStaffOnly: 'Forbidden',
  CrossSite: 'Forbidden',
  OtherBranch: 'Forbidden',
  OnlyAgentMayDo: 'Forbidden',
  AdminOnly: 'Forbidden',
  OperatorOnly: 'Forbidden', // the operator role, operators' accounts, the Temporal Web UI (G7)
  NotWritable: 'Forbidden', // { resource }
  LinkInvalid: 'NotFound',
  // Rows and references.
  AlreadyUsed: 'Conflict', // { fields }
  StillReferenced: 'Conflict', // { by }
  IdempotencyInFlight: 'Conflict',
  IdempotencyKeyReused: 'Validation', // answered 422: the same key came with another request
  CustomerExists: 'Conflict', // { customer: { id, name, email, phone } } masked
  // Tickets.
  TicketNotInStatus: 'IllegalTransition', // { number, status, action, allowed }
  TicketHeldByOther: 'IllegalTransition', // { number, action }
  TicketEnded: 'Conflict', // { number? }
  TicketRegistering: 'IllegalTransition',
  HolderOnly: 'Forbidden', // { number, action }: only the agent serving it (domain/ticket-rights.ts)
  OwnDeskOnly: 'IllegalTransition',
  TopicsNotConfigured: 'IllegalTransition', // { topicIds }
  TransferTargetNeeded: 'Validation',
  AlreadyInService: 'IllegalTransition',
  NotVirtual: 'IllegalTransition', // { number }
  NotAppointment: 'IllegalTransition',
  CallDetailsTooLarge: 'Validation', // { max }
  AgentBusy: 'Conflict', // { number? }
  ServiceClosed: 'Validation',
  NoVirtual: 'Validation',
  AppointmentInPast: 'Validation',
  AppointmentNeedsCustomer: 'Validation',
  // The kiosk's check-in (H6): the same answer whether the ID number is unknown or its appointment
  // is another branch's or another day's, so the kiosk discloses nothing about anyone.
  NoAppointmentToday: 'NotFound',
  AlreadyCheckedIn: 'IllegalTransition',
  AlreadyOnTheWay: 'IllegalTransition', // { number }
  // Issue 20, the satisfaction survey: only a finished ticket, for SURVEY_DAYS after it ended.
  SurveyNotOpen: 'IllegalTransition',
  SurveyClosed: 'Conflict', // { days }
  // Issue 20: only an event alert (a low score) is acknowledged; a condition's clears by itself.
  AlertNotAcknowledgeable: 'Conflict', // { kind }
  StepRefused: 'Validation', // a step the database refused (a value it cannot store)
  // Shifts and desks.
  ShiftOpening: 'IllegalTransition',
  ShiftEnded: 'IllegalTransition',
  NotAtDesk: 'NotFound',
  DeskHeld: 'Conflict', // { desk, agent }
  LoggedInElsewhere: 'Conflict',
  LoginAtDeskFirst: 'Conflict',
  AgentsOnlyAtDesk: 'Forbidden',
  AlreadyInState: 'IllegalTransition', // { state }
  NotOnline: 'IllegalTransition', // { state }
  AlreadyHasCustomer: 'IllegalTransition', // { number? }
  // A supervisor's call to a named agent (issue 16): the same rule, said about that agent.
  AgentNotOnline: 'IllegalTransition', // { agent, state }
  AgentNotFree: 'IllegalTransition', // { agent, number? }
  BusyFinishFirst: 'IllegalTransition', // { number, state }
  BusyCannotLogOut: 'IllegalTransition', // { number }
  ModeAlreadySet: 'IllegalTransition', // { manual }
  LogoutFailed: 'Unavailable',
  // Stuck work released by a supervisor (health, monitor).
  NotStuck: 'Conflict',
  // Video calls.
  CallEnded: 'Conflict',
  NoVideoRoom: 'Conflict',
  OnlyServingAgentJoins: 'Forbidden',
  FileTooLarge: 'Validation', // { maxMb }
  FileTypeRefused: 'Validation',
  FileEmpty: 'Validation',
  OnlyCustomerMayDo: 'Forbidden', // the customer's own act (answering terms): not the agent's token
  TermsAlreadyAnswered: 'Conflict',
  // Users and profile.
  CannotChangeOwnRole: 'Validation',
  CannotDeactivateSelf: 'Validation',
  CannotDeleteSelf: 'Forbidden',
  AgentNeedsBranch: 'Validation',
  WrongCurrentPassword: 'Validation',
  PasswordUnchanged: 'Validation',
  Internal: 'Unavailable',
} as const satisfies Record<string, ErrorKind>;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Why one field was refused. Zod issues map onto these (api/http/errors.ts). */
export const FIELD_CODES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'invalid_email',
  'invalid_url',
  'invalid_phone',
  'invalid_timezone',
  'invalid_text',
  'invalid_date',
  'unknown_field',
  'read_only',
  'already_used',
  'unknown_reference',
  'other_branch',
  'private_address',
  'label_format',
  'code_format',
  'password_too_short',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

export type ErrorParams = Record<string, unknown>;
/** A field's refusal: a field code, or an error code when the refusal is the whole reason (e.g. DeskHeld on deskId). */
export interface FieldError {
  code: FieldCode | ErrorCode;
  params?: ErrorParams;
}
export type FieldErrors = Record<string, FieldError>;

export const isErrorCode = (s: unknown): s is ErrorCode => typeof s === 'string' && Object.hasOwn(ERROR_CODES, s);
export const isFieldCode = (s: unknown): s is FieldCode =>
  typeof s === 'string' && (FIELD_CODES as readonly string[]).includes(s);

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly fields?: FieldErrors;
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    opts: { message?: string; field?: string; fields?: FieldErrors } = {},
  ) {
    super(opts.message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'DomainError';
    this.kind = ERROR_CODES[code];
    this.fields = opts.fields ?? (opts.field ? { [opts.field]: { code, params } } : undefined);
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}

/** The JSON body every refusal is sent as (the UIs read exactly this). */
export interface ErrorBody {
  error: ErrorKind;
  code: ErrorCode;
  params: ErrorParams;
  message: string;
  fields?: FieldErrors;
}

export const errorBody = (e: DomainError): ErrorBody => ({
  error: e.kind,
  code: e.code,
  params: e.params,
  message: e.message,
  ...(e.fields ? { fields: e.fields } : {}),
});
