/** Loads a classic script (e.g. the emulator's container.js and finesse.js) into a page and waits for it. */
export function loadScript(src: string, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = doc.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    // The query may carry a gadget URL with parameters: name the script, not its query.
    s.onerror = () => reject(new Error(`script failed to load: ${src.split('?')[0]}`));
    doc.head.append(s);
  });
}
