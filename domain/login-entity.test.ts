// The entity chosen at login, remembered per e-mail on the device (both login screens use it).
import { describe, expect, it } from 'vitest';
import { entityOptionsOf, rememberedEntity, rememberEntity, type SmallStorage } from './login-entity.js';

const memory = (): SmallStorage & { raw: Map<string, string> } => {
  const raw = new Map<string, string>();
  return { raw, getItem: (k) => raw.get(k) ?? null, setItem: (k, v) => void raw.set(k, v) };
};
const both = [
  { slug: 'sol', name: 'Cooperativa del Sol' },
  { slug: 'luna', name: 'Fondo Luna' },
];

describe('choosing the entity at login', () => {
  it('reads the options of a ChooseEntity refusal, and nothing from a malformed one', () => {
    expect(entityOptionsOf({ entities: both })).toEqual(both);
    expect(entityOptionsOf({ entities: [] })).toBeUndefined();
    expect(entityOptionsOf({ entities: [{ slug: 1 }] })).toBeUndefined();
    expect(entityOptionsOf({})).toBeUndefined();
  });

  it('preselects the entity chosen last time for the same e-mail, however it is typed, and never stores a password', () => {
    const s = memory();
    rememberEntity(s, ' Marta@Dos.test ', 'luna');
    expect(rememberedEntity(s, 'marta@dos.test', both)).toBe('luna');
    expect(rememberedEntity(s, 'otra@dos.test', both)).toBeUndefined();
    expect(rememberedEntity(s, 'marta@dos.test', [both[0]!])).toBeUndefined(); // no longer offered
    expect([...s.raw.values()].join()).not.toMatch(/pass/i);
  });

  it('forgets the oldest e-mails past twenty, and starts again from unreadable storage', () => {
    const s = memory();
    for (let i = 0; i < 21; i++) rememberEntity(s, `u${i}@x.test`, 'sol');
    expect(rememberedEntity(s, 'u0@x.test', both)).toBeUndefined();
    expect(rememberedEntity(s, 'u20@x.test', both)).toBe('sol');
    s.setItem('ventanilla.loginEntity', '{not json');
    expect(rememberedEntity(s, 'u20@x.test', both)).toBeUndefined();
    rememberEntity(s, 'u20@x.test', 'luna');
    expect(rememberedEntity(s, 'u20@x.test', both)).toBe('luna');
  });
});
