// The sector aggregation in DuckDB, for comparison with pledge-aggregate:
// per period and metric, n, sum, mean, median, quartiles (type 7), min, max.
// usage: node duckdb.mjs TIDY.csv OUT.csv
import { DuckDBInstance } from '@duckdb/node-api';

const [tidy, out] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await db.connect();
await c.run(`copy (select period, metric, count(*) n, sum(value) sum,
	avg(value) mean, quantile_cont(value, 0.5) median,
	quantile_cont(value, 0.25) p25, quantile_cont(value, 0.75) p75,
	min(value) min, max(value) max
	from read_csv('${tidy}', header = true, columns = {'period': 'varchar',
	  'org_id': 'varchar', 'org_name': 'varchar', 'area': 'varchar',
	  'metric': 'varchar', 'value': 'double', 'note': 'varchar'})
	group by period, metric order by period, metric) to '${out}' (header)`);
