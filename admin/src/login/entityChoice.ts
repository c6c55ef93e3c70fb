// The back office's side of choosing the entity at login (the rule and the device memory live in
// domain/login-entity.ts, shared with the console).
import {
  entityOptionsOf,
  rememberedEntity as remembered,
  rememberEntity as remember,
  type EntityOption,
} from '@domain/login-entity';
import { refusalOf } from '../shared/refusal';

export type { EntityOption };

/** The entities of a ChooseEntity refusal; undefined for any other failure. */
export function entitiesToChoose(err: unknown): EntityOption[] | undefined {
  const { code, params } = refusalOf(err);
  return code === 'ChooseEntity' ? entityOptionsOf(params) : undefined;
}

export const rememberedEntity = (email: string, entities: EntityOption[]) => remembered(localStorage, email, entities);
export const rememberEntity = (email: string, slug: string) => remember(localStorage, email, slug);
