// Validates an AsyncAPI document with the AsyncAPI initiative's own parser (@asyncapi/parser), as any AsyncAPI tool
// would read it. Prints each finding; exits 1 on an error. Used by DeploymentDescriptorsTest for docs/asyncapi.yaml.
import { Parser, fromFile } from '@asyncapi/parser';

const { document, diagnostics } = await fromFile(new Parser(), process.argv[2]).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  console.log(`${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code}: ${d.message} at ${JSON.stringify(d.path)}`);
}
console.log(document && errors.length === 0 ? 'VALID' : 'INVALID');
process.exit(document && errors.length === 0 ? 0 : 1);
