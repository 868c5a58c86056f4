// Parses and validates an AsyncAPI document with @asyncapi/parser, the
// reference parser; prints every diagnostic and fails on errors (severity 0).
import { Parser, fromFile } from '@asyncapi/parser';

const path = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, path).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const where = d.path.length ? d.path.join('.') : '(document)';
  console.log(`${d.severity === 0 ? 'ERROR' : 'note'} ${where}: ${d.message}`);
}
if (!document || errors.length > 0) {
  console.error(`${path}: ${errors.length} error(s)`);
  process.exit(1);
}
const channels = document.channels().all().map((c) => c.address());
console.log(`${path}: valid AsyncAPI ${document.version()}, channels ${channels.join(', ')},`
  + ` ${document.allMessages().length} messages`);
