/**
 * Every rule gongkai applies, as `gongkai rules` lists it: the registry of finding codes
 * (src/model/codes.ts), where the reader and the rules alike take their codes from. Kept under
 * the rules' names for the modules and tests that read the catalogue.
 */
import { CODE_BY_NAME, CODES, type CodeDef } from '../model/codes.js';

export type RuleDef = CodeDef;

export const RULES: readonly RuleDef[] = CODES;

export const RULE_BY_CODE = CODE_BY_NAME;
