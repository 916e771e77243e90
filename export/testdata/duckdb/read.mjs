// Reads khaldun's exports in the directory given with DuckDB and prints
// what a user would check first: row counts and the types DuckDB infers.
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const rows = async (sql) => (await c.runAndReadAll(sql)).getRowsJS();
const types = async (from) => (await rows(`DESCRIBE SELECT global_event_id, date, goldstein, target_code FROM ${from}`))
  .map((r) => `${r[0]} ${r[1]}`).join(', ');
const count = async (from) => (await rows(`SELECT count(*) FROM ${from}`))[0][0];

const ev = `read_parquet('${dir}/events.parquet')`;
console.log(`events.parquet: ${await count(ev)} rows; ${await types(ev)}`);
const r = await rows(`SELECT global_event_id, date::VARCHAR, goldstein, target_code FROM ${ev} WHERE global_event_id IN (1, 3) ORDER BY 1`);
console.log('events.parquet: ' + r.map((x) => x.map(String).join(' ')).join(' | '));
const me = `read_parquet('${dir}/mentions.parquet')`;
console.log(`mentions.parquet: ${await count(me)} rows; sum(num) ${(await rows(`SELECT count(DISTINCT mention_id || article_id) FROM ${me}`))[0][0]}`);
const csv = `read_csv('${dir}/events.csv')`;
console.log(`events.csv: ${await count(csv)} rows; ${await types(csv)}`);
const tsv = `read_csv('${dir}/events.tsv', delim='\t', header=false)`;
const cols = (await rows(`DESCRIBE SELECT * FROM ${tsv}`));
console.log(`events.tsv: ${await count(tsv)} rows, ${cols.length} columns; column60 (DATEADDED) ${cols[59][1]}`);
