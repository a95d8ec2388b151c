/** `gongkai schema`: print the JSON Schema of gongkai.report/v1. */
import { reportJsonSchema } from '../model/schema.js';
import { writeOutput } from './io.js';

export async function schemaCommand(opts: { out?: string }): Promise<number> {
  await writeOutput(opts.out, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  return 0;
}
