import { readFileSync } from 'node:fs';

/** A saved page as a Document, and the location it was captured at. */
export function loadFixture(path: string, url: string): { document: Document; location: URL } {
  const html = readFileSync(`tests/fixtures/${path}`, 'utf8');
  const document = new DOMParser().parseFromString(html, 'text/html');
  return { document, location: new URL(url) };
}
