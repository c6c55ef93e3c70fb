// Issue 12 item 8: every refusal is readable in the user's language. Both dictionaries (es, en)
// of each UI (console, back office) word every code the servers can send — ERROR_CODES,
// FIELD_CODES, the SFU's codes — and every "why is this next" reason, with the same
// placeholders in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import adminEn from '../admin/src/i18n/en.js';
import adminEs from '../admin/src/i18n/es.js';
import { en as consoleEn } from '../console/src/i18n/en.js';
import { es as consoleEs } from '../console/src/i18n/es.js';
import { ERROR_CODES, FIELD_CODES } from '../domain/errors.js';
import { NEXT_REASON_PARAMS } from '../domain/queue-order.js';

/** sfu/errors.ts declares its codes as a type only: they are read from that union's source. */
function sfuCodes(): string[] {
  const source = readFileSync(new URL('../sfu/errors.ts', import.meta.url), 'utf8');
  const union = /export type SfuErrorCode\s*=([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
}

/** Every code a refusal can carry, plus the generic sentence for codes a UI does not know. */
const ERROR_TEXT_CODES = [...Object.keys(ERROR_CODES), ...FIELD_CODES, ...sfuCodes(), 'unknown'];
const NEXT_CODES = Object.keys(NEXT_REASON_PARAMS) as (keyof typeof NEXT_REASON_PARAMS)[];

type Section = Record<string, unknown>;
const section = (dict: object, name: string): Section => ((dict as Record<string, unknown>)[name] ?? {}) as Section;

/** The codes a dictionary section lacks (or words with an empty text). */
const missing = (words: Section, codes: readonly string[]): string[] =>
  codes.filter((c) => typeof words[c] !== 'string' || (words[c] as string).trim() === '');

/** A UI's placeholder syntax: the console fills {name}, react-admin's polyglot %{name}. */
interface Syntax {
  placeholder: RegExp;
  foreign: RegExp;
}
const CONSOLE: Syntax = { placeholder: /\{(\w+)\}/g, foreign: /%\{/ };
const ADMIN: Syntax = { placeholder: /%\{(\w+)\}/g, foreign: /(?<!%)\{\w+\}/ };
const placeholders = (text: unknown, syntax: Syntax): string[] =>
  typeof text === 'string' ? [...new Set([...text.matchAll(syntax.placeholder)].map((m) => m[1]!))].sort() : [];

const UIS = [
  { ui: 'console', es: consoleEs, en: consoleEn, syntax: CONSOLE },
  { ui: 'back office', es: adminEs, en: adminEn, syntax: ADMIN },
];

describe("issue 12 item 8: refusals in the user's language", () => {
  it("reads the SFU's codes from sfu/errors.ts", () => {
    expect(sfuCodes()).toEqual(expect.arrayContaining(['invalid_payload', 'not_joined', 'internal']));
  });

  it('reports a missing code (so the checks below fail when a dictionary lacks one)', () => {
    expect(missing({ DeskHeld: 'x', Validation: '' }, ['DeskHeld', 'Validation', 'NotFound'])).toEqual([
      'Validation',
      'NotFound',
    ]);
  });

  for (const { ui, es, en, syntax } of UIS) {
    for (const [lang, dict] of [
      ['es', es],
      ['en', en],
    ] as const) {
      it(`${ui} ${lang}: errors.<code> for every error, field and SFU code`, () => {
        expect(missing(section(dict, 'errors'), ERROR_TEXT_CODES)).toEqual([]);
      });
      it(`${ui} ${lang}: next.<code> for every "why is this next" reason, with only its params`, () => {
        const next = section(dict, 'next');
        expect(missing(next, NEXT_CODES)).toEqual([]);
        for (const code of NEXT_CODES) {
          expect(
            placeholders(next[code], syntax).filter(
              (p) => !(NEXT_REASON_PARAMS[code] as readonly string[]).includes(p),
            ),
            `${ui} ${lang} next.${code}`,
          ).toEqual([]);
        }
      });
      it(`${ui} ${lang}: placeholders are written in this UI's syntax`, () => {
        const texts = [...Object.entries(section(dict, 'errors')), ...Object.entries(section(dict, 'next'))];
        expect(
          texts.filter(([, text]) => typeof text === 'string' && syntax.foreign.test(text)).map(([k]) => k),
        ).toEqual([]);
      });
    }

    it(`${ui}: es and en use the same placeholders in each sentence`, () => {
      for (const name of ['errors', 'next']) {
        const esWords = section(es, name);
        const enWords = section(en, name);
        for (const key of new Set([...Object.keys(esWords), ...Object.keys(enWords)])) {
          expect(placeholders(enWords[key], syntax), `${ui} ${name}.${key}`).toEqual(
            placeholders(esWords[key], syntax),
          );
        }
      }
    });
  }
});
