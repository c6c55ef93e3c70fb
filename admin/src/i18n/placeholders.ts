// The shared refusal texts (domain/i18n) use {name} placeholders; react-admin's polyglot fills %{name}.
export const polyglot = <T extends Record<string, string>>(texts: T): Record<keyof T, string> =>
  Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, '%{$1}')])) as Record<
    keyof T,
    string
  >;
