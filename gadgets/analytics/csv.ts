/**
 * CSV downloads of the numbers on screen. The delimiter follows the locale (";" where the decimal separator is a
 * comma, as spreadsheets there expect); dates are ISO; text that a spreadsheet would run as a formula is quoted
 * with a leading apostrophe (names come from outside).
 */
export type Cell = string | number | null;

export function csvText(header: string[], rows: Cell[][], locale: string): string {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const sep = num.format(1.5).includes(',') ? ';' : ',';
  const field = (c: Cell) => {
    let v = c === null ? '' : typeof c === 'number' ? num.format(c) : c;
    if (typeof c === 'string' && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /["\n\r]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return [header, ...rows].map((r) => r.map(field).join(sep)).join('\r\n') + '\r\n';
}

/** Offers `text` as a file download (a BOM so spreadsheets read it as UTF-8). */
export function downloadCsv(from: Element, fileName: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  a.download = fileName;
  a.hidden = true;
  (from.shadowRoot ?? from).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
