/**
 * The zod schema of `gongkai.report/v1`, built from the template data (so it can never
 * disagree with the templates), and its JSON Schema for `gongkai schema`.
 */
import { z } from 'zod';
import {
  OTHER_HANDLING_SINGLE,
  TEMPLATE_VERSIONS,
  templateFor,
  type TemplateVersion,
} from '../template/templates.js';
import { SCHEMA_ID, type AnnualReport } from './report.js';

const cell = z.number().nullable();

function rowOf(keys: readonly string[]) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, cell])));
}

function reportSchema(version: TemplateVersion) {
  const t = templateFor(version);
  const proactive = z.strictObject(
    Object.fromEntries(
      t.proactive.flatMap((b) => b.rows).map((r) => [r.key, rowOf(r.fields.map((f) => f.key))]),
    ),
  );
  const columns = t.applicationColumns.map((c) => c.key);
  const applicationShape: Record<string, z.ZodType> = Object.fromEntries(
    t.applicationRows.map((r) => [r.key, rowOf(columns)]),
  );
  if (version === '2021') {
    // A 2021 report that still prints 2019's single （六） row keeps it under this key.
    applicationShape[OTHER_HANDLING_SINGLE.key] = rowOf(columns).optional();
  }
  const results = t.appealResults.map((c) => c.key);
  const appeals = z.strictObject(Object.fromEntries(t.appealGroups.map((g) => [g.key, rowOf(results)])));
  return z.object({
    schema: z.literal(SCHEMA_ID),
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
    template: z.literal(version),
    title: z.string().nullable(),
    publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    sections: z.array(z.object({ no: z.number().int().min(1).max(6), title: z.string(), text: z.string() })),
    proactive,
    applications: z.strictObject(applicationShape),
    appeals,
    diagnostics: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['error', 'warning', 'info']),
        message: z.string(),
        at: z.string(),
        line: z.number().int().optional(),
        raw: z.string().optional(),
      }),
    ),
    provenance: z
      .record(
        z.string(),
        z.object({
          raw: z.string(),
          line: z.number().int(),
          column: z.number().int(),
          page: z.number().int().optional(),
          via: z.enum(['grid', 'label', 'stream', 'columns', 'split', 'arithmetic', 'reordered']).optional(),
          ocr: z.boolean().optional(),
        }),
      )
      .default({}),
  });
}

export const AnnualReportSchema = z.discriminatedUnion(
  'template',
  TEMPLATE_VERSIONS.map((v) => reportSchema(v)) as [ReturnType<typeof reportSchema>, ReturnType<typeof reportSchema>],
);

/** Validate an object as a canonical report; the error lists every path that is wrong. */
export function validateReport(value: unknown): { ok: true; report: AnnualReport } | { ok: false; errors: string[] } {
  const result = AnnualReportSchema.safeParse(value);
  if (result.success) return { ok: true, report: result.data as AnnualReport };
  return {
    ok: false,
    errors: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

/** The JSON Schema (draft 2020-12) of `gongkai.report/v1`. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AnnualReportSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $id: `https://gongkai.dev/schema/${SCHEMA_ID}.json`,
    title: '政府信息公开工作年度报告 canonical model (gongkai.report/v1)',
    ...schema,
  };
}
