/** `gongkai render FILE|model.json --to FORMAT [--out FILE] [--with-findings]`. */
import { writeFile } from 'node:fs/promises';
import { htmlToPdf } from '../adapters/chromium.js';
import { render, OUTPUT_FORMATS, type OutputFormat } from '../render/render.js';
import { checkReport } from '../rules/check.js';
import { loadReport } from './check.js';
import { complain } from './io.js';

export interface RenderCommandOptions {
  to: string;
  out?: string;
  withFindings?: boolean;
}

export async function renderCommand(file: string, opts: RenderCommandOptions): Promise<number> {
  if (!OUTPUT_FORMATS.includes(opts.to as OutputFormat)) {
    complain(file, `不支持的输出格式“${opts.to}”，可选：${OUTPUT_FORMATS.join('、')}`);
    return 2;
  }
  const loaded = await loadReport(file);
  if ('error' in loaded) {
    complain(file, loaded.error);
    return 2;
  }
  const format = opts.to as OutputFormat;
  const findings = opts.withFindings ? checkReport(loaded.report) : undefined;
  let bytes: Uint8Array;
  try {
    bytes = await render(loaded.report, format, findings ? { findings } : {}, { htmlToPdf });
  } catch (error) {
    complain(file, (error as Error).message);
    return 2;
  }
  if (opts.out) await writeFile(opts.out, bytes);
  else if (format === 'docx' || format === 'pdf') {
    complain(file, `${format} 是二进制格式，请用 --out 指定输出文件`);
    return 2;
  } else process.stdout.write(bytes);
  return 0;
}
