/** The catalogue's pure core (no I/O): items and their records, index numbers, the review chain, settings, clocks, annual figures, search grams. */
export * from './annual.js';
export * from './clock.js';
export * from './errors.js';
export * from './index-rule.js';
export * from './items.js';
export * from './record.js';
export * from './review.js';
export * from './search.js';
export * from './settings.js';
export * from './validity.js';
export * from './vocabulary.js';
