/**
 * A refusal of the catalogue's rules, in Chinese, for the user to act on. It extends the
 * register's error so the server answers it as 400 like every other rule refusal; `code` lets a
 * route answer 403 (not yours to do) or 409 (someone acted first) where that is the truth.
 */
import { RegisterError } from '../register/lifecycle.js';

export type CatalogueErrorCode = 'invalid' | 'forbidden' | 'conflict';

export class CatalogueError extends RegisterError {
  override name = 'CatalogueError';
  constructor(
    message: string,
    readonly code: CatalogueErrorCode = 'invalid',
  ) {
    super(message);
  }
}
