/**
 * PostgreSQL array literals for parameters of thousands of elements (a deposit batch's ids, record
 * ids and sizes). node-postgres writes a JavaScript array element by element, quoting and escaping
 * each with two regular expressions; these write the same literal the server parses, in one pass.
 */

/** `{a,b,c}` for elements that need no quoting: uuids, integers, ISO 8601 timestamps. */
export function plainArrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

const NEEDS_ESCAPE = /["\\]/;

/** `{"a","b"}` for any text: every element quoted, backslashes and double quotes escaped where present. */
export function textArrayLiteral(values: readonly string[]): string {
  let literal = '{';
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    const escaped = NEEDS_ESCAPE.test(value) ? value.replace(/[\\"]/g, '\\$&') : value;
    literal += `${index === 0 ? '' : ','}"${escaped}"`;
  }
  return `${literal}}`;
}
