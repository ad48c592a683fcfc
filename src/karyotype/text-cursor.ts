import { KaryotypeSyntaxError } from './karyotype-types';

/** A read position in an ISCN string, raising KaryotypeSyntaxError with the offending character. */
export class TextCursor {
  readonly text: string;
  position = 0;

  constructor(text: string) {
    this.text = text;
  }

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.position];
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.position);
  }

  advance(count: number): void {
    this.position += count;
  }

  /** Reads characters while `accept` holds, at most `limit` of them. */
  readWhile(accept: (c: string) => boolean, limit = Infinity): string {
    const start = this.position;
    while (this.position - start < limit) {
      const c = this.peek();
      if (c === undefined || !accept(c)) break;
      this.position += 1;
    }
    return this.text.slice(start, this.position);
  }

  readInteger(what: string): number {
    const digits = this.readWhile((c) => c >= '0' && c <= '9');
    if (digits.length === 0) this.fail(`expected ${what}`);
    return Number(digits);
  }

  expect(token: string): void {
    if (!this.startsWith(token)) this.fail(`expected "${token}"`);
    this.position += token.length;
  }

  /** Throws, describing what was found at `position` (default: the current one). */
  fail(problem: string, position = this.position): never {
    const found = this.text[position];
    const where = found === undefined ? ' but the text ends' : ` but found "${found}"`;
    throw new KaryotypeSyntaxError(
      `${problem}${position === this.position ? where : ''}`,
      this.text,
      position,
    );
  }
}
