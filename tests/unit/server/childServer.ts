/**
 * The server of record as its own process, for the test that kills it: `jiti childServer.ts
 * <data folder> <port>`. It finds the embedded PostgreSQL of the data folder running (the test
 * started it) and serves the API; prints "ready" when it listens.
 */
import { startRecordServer } from '../../../server/app.ts';
import { openRecord } from '../../../server/record.ts';

const [data, port] = process.argv.slice(2);
const record = await openRecord({ data: data!, poolSize: 5 });
await startRecordServer({
  database: record.database,
  port: Number(port),
  limits: { requests: 1_000_000, attempts: 1_000_000 },
});
console.log('ready');
