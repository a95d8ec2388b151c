/** gongkai: read, check and write China's 政府信息公开工作年度报告. The pure core's public API. */
export { DEFAULT_MAX_BYTES, detectFormat, parseFile, type ExternalTools, type IngestOptions, type IngestResult, type InputFormat } from './ingest.js';
export { parseBytes, parseText, type ParseResult } from './parse.js';
export { reportJsonSchema, validateReport } from './model/schema.js';
export * from './model/report.js';
export * from './template/templates.js';
