/** Small XML helpers for the build tests (independent of gadget-xml/validate.ts, which they test). */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Parses XML and throws on any error or warning (a strict reader, like CFAdmin's). */
export function parseStrict(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void problems.push(`${level}: ${msg}`) }).parseFromString(text, 'text/xml');
  if (problems.length) throw new Error(problems.join('\n'));
  return doc;
}

export function elements(parent: Document | Element, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', localName));
}

export function text(el: Element | undefined): string {
  return el?.textContent ?? '';
}

/** The script src attributes in a gadget's html Content, in order (parsed as HTML-ish text). */
export function contentScripts(doc: Document): string[] {
  const html = text(elements(doc, 'Content')[0]);
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1] ?? '');
}
