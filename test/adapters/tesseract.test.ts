/**
 * What tesseract's TSV says, back as the text of each image read in one batch; and how two
 * readings of a number cell are combined. The TSV rows are written here by hand, in the shape
 * tesseract 5 prints (level, page_num, block, par, line, word, box, conf, text).
 */
import { describe, expect, it } from 'vitest';
import { pickNumber, textsFromTsv } from '../../src/adapters/tesseract.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (page: number, line: number, text: string) => `5\t${page}\t1\t1\t${line}\t1\t0\t0\t10\t10\t90\t${text}`;

describe('tesseract TSV', () => {
  it('gives each image its text, a wrapped label as its lines, an image with no word as empty', () => {
    const tsv = [HEADER, '1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t', word(1, 1, '（二）部分公开'), word(1, 2, '（区分处理的）'), word(3, 1, '447'), word(3, 1, '228')].join('\n');
    expect(textsFromTsv(tsv, 3)).toEqual(['（二）部分公开\n（区分处理的）', '', '447 228']);
  });
});

describe('a number cell read by two models', () => {
  it('takes the Latin reading, the Chinese one where the Latin is empty or lost a digit', () => {
    expect(pickNumber('66', '60')).toBe('66');
    expect(pickNumber('', '1')).toBe('1');
    expect(pickNumber('2', '12')).toBe('12');
    expect(pickNumber('', '')).toBe('');
  });
});
