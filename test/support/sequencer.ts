/**
 * The order test files start in: the longest first, so that the run does not end with one slow
 * file on one core while the others idle. A file's duration is taken from vitest's record of
 * the previous run; without one (a fresh clone, as in CI) it is guessed: files that start other
 * programs — a browser, gongkai itself, LibreOffice, tesseract — take tens of seconds, the rest
 * about a millisecond per character.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const STARTS_PROGRAMS = /serverAndBrowser|launchBrowser|htmlToPdf|serveProcess|EXTERNAL_TOOLS|spawn(Sync)?\(|execFile(Sync)?\(/;
const PROGRAM_MS = 30_000;

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const estimate = new Map<TestSpecification, number>();
    for (const spec of files) {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      const recorded = this.ctx.cache.getFileTestResults(key);
      if (recorded && !recorded.failed) estimate.set(spec, recorded.duration);
      else {
        const text = readFileSync(spec.moduleId, 'utf8');
        estimate.set(spec, text.length + (STARTS_PROGRAMS.test(text) ? PROGRAM_MS : 0));
      }
    }
    return [...files].sort((a, b) => estimate.get(b)! - estimate.get(a)!);
  }
}
