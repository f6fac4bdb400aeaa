// A browser-like global scope from jsdom, for the tests that mount the editor. Must be
// imported before anything from src/ that touches the DOM.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { pretendToBeVisual: true });
const { window } = dom;

for (const name of ["window", "document", "navigator", "getComputedStyle", "requestAnimationFrame", "cancelAnimationFrame", "DOMParser", "Node", "Element", "HTMLElement", "Event", "KeyboardEvent", "MutationObserver", "CSS"]) {
  if (window[name] !== undefined) Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
}
// jsdom has no CSS.escape.
globalThis.CSS = { escape: (s) => String(s).replace(/[^\w-]/g, (c) => `\\${c}`) };
// jsdom does no layout; ProseMirror asks for rectangles when it scrolls the cursor into view.
const rect = { top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0 };
window.Range.prototype.getClientRects = () => [];
window.Range.prototype.getBoundingClientRect = () => rect;
window.HTMLElement.prototype.getClientRects = () => [];
window.document.elementFromPoint = () => null;

export { window };

/** A fresh page body holding `html`. */
export const page = (html) => {
  window.document.body.innerHTML = html;
  return window.document;
};
