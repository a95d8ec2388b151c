/**
 * A file a reader cannot read, carrying the diagnostic code and the Chinese message the model
 * records (an encrypted PDF, a Word file that is a zip bomb). Its own small module so the
 * single entry can recognise it without loading the readers that throw it.
 */
import type { FindingCode } from '../model/codes.js';

export class InputError extends Error {
  constructor(
    readonly code: FindingCode,
    message: string,
  ) {
    super(message);
  }
}
