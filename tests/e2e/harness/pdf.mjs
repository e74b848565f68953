// A page printed as the browser would print it, read back as text (pdfjs-dist, no canvas):
// for journeys that check what a printout holds and that it fits its pages.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF (whitespace runs as one space) and its page count. */
export async function pdfText(buffer) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' '));
  }
  return { pages: doc.numPages, text: pages.join('\n').replace(/\s+/g, ' ') };
}

/** `page` printed (print media, A4), read back with [`pdfText`]. */
export async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const buffer = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  return pdfText(buffer);
}
