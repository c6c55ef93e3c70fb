// pg returns DATE columns as JS Dates at local midnight by default; a service day is a calendar
// date, so keep it as the 'YYYY-MM-DD' text PostgreSQL sends.
import pg from 'pg';

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
// bigint counts and ids fit in a JS number for this domain.
pg.types.setTypeParser(20, (v: string) => Number(v));
