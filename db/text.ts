// Text search that ignores case and accents (issue 16): both sides go through the database's
// `vt_fold` (migration 023), so "Gutierrez" finds "Gutiérrez" and "JOSE" finds "José".

/** Lower-case accented letters and the letters they fold to, position by position. */
export const FOLD_FROM = 'áàâäãåéèêëíìîïóòôöõúùûüýÿñç';
export const FOLD_TO = 'aaaaaaeeeeiiiiooooouuuuyync';

/** `sqlExpr` contains `text` anywhere, ignoring case and accents: arguments for `whereRaw`. */
export const foldedContains = (sqlExpr: string, text: string): [string, string[]] => [
  `vt_fold(${sqlExpr}) like '%' || vt_fold(?) || '%'`,
  [text],
];
