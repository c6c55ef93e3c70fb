// The console's side of choosing the entity at login (the rule and the device memory live in
// domain/login-entity.ts, shared with the back office).
import {
  entityOptionsOf,
  rememberedEntity as remembered,
  rememberEntity as remember,
  type EntityOption,
} from '@domain/login-entity';
import { ApiError } from '../api/errors';

export type { EntityOption };

/** The entities of a ChooseEntity refusal; undefined for any other failure. */
export const entitiesToChoose = (err: unknown): EntityOption[] | undefined =>
  err instanceof ApiError && err.code === 'ChooseEntity' ? entityOptionsOf(err.params) : undefined;

export const rememberedEntity = (email: string, entities: EntityOption[]) => remembered(localStorage, email, entities);
export const rememberEntity = (email: string, slug: string) => remember(localStorage, email, slug);
