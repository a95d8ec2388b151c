/** gongkai: read, check and write China's 政府信息公开工作年度报告. The pure core's public API. */
export { parseBytes, parseText, type ParseResult } from './parse.js';
export { reportJsonSchema, validateReport } from './model/schema.js';
export * from './model/report.js';
export * from './template/templates.js';
