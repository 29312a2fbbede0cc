/**
 * RFC 4180 CSV: comma-separated fields, double quotes around a field that holds a comma, a
 * quote ("" inside) or a line break; CRLF or LF between records; a UTF-8 BOM is ignored.
 * Each record keeps the line it starts on, which is how an import report names a row.
 * Blank lines are skipped.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is one empty field: not a record.
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      if (char === '"') return { ok: false, line, reason: 'a quote inside an unquoted field (quote the whole field and double the quote)' };
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { ok: false, line: recordLine, reason: 'a quoted field is not closed' };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
