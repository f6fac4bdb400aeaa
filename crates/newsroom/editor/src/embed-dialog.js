// The toolbar's "Embed…" dialog: the address of a post or video, checked as it is typed
// with the site's own rules (social.js), and an optional caption. Not `prompt()`: the
// writer reads why an address is refused next to the field and fixes it there.
// It lives inside the article form, so Enter must never reach the form (that would save).

import { formatDirective } from "./directives.js";
import { PROVIDERS, recognise, refusal } from "./social.js";

let dialogs = 0;

const el = (doc, tag, attrs = {}, ...children) => {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children);
  return node;
};

/**
 * The dialog's element and `{ open(), close() }`. `insert(line)` receives the embed's line
 * of the body format; `done()` runs when the dialog closes (to give the editor the focus).
 */
export const embedDialog = (doc, { insert, done }) => {
  const n = ++dialogs;
  const ids = { title: `rich-embed-title-${n}`, url: `rich-embed-url-${n}`, caption: `rich-embed-caption-${n}`, hint: `rich-embed-hint-${n}`, problem: `rich-embed-problem-${n}` };
  const url = el(doc, "input", { id: ids.url, type: "url", dir: "ltr", autocomplete: "off", spellcheck: "false", placeholder: "https://", "aria-describedby": `${ids.hint} ${ids.problem}` });
  const caption = el(doc, "input", { id: ids.caption, type: "text", dir: "auto", autocomplete: "off" });
  const found = el(doc, "p", { class: "rich-dialog-found", role: "status" });
  const problem = el(doc, "p", { id: ids.problem, class: "rich-dialog-problem", role: "alert", hidden: true });
  const add = el(doc, "button", { type: "button", class: "primary" }, "Embed");
  const cancel = el(doc, "button", { type: "button" }, "Cancel");
  const element = el(
    doc,
    "div",
    { class: "rich-dialog", role: "dialog", "aria-labelledby": ids.title, hidden: true },
    el(doc, "p", { id: ids.title, class: "rich-dialog-title" }, "Embed a post or video"),
    el(doc, "label", { for: ids.url }, "Address"),
    url,
    el(doc, "p", { id: ids.hint, class: "field-hint" }, `A post or video on ${PROVIDERS.slice(0, -1).join(", ")} or ${PROVIDERS.at(-1)}, starting with https://`),
    found,
    problem,
    el(doc, "label", { for: ids.caption }, "Caption (optional)"),
    caption,
    el(doc, "div", { class: "button-row" }, add, cancel),
  );

  const showProblem = (message) => {
    problem.textContent = message;
    problem.hidden = !message;
    if (message) url.setAttribute("aria-invalid", "true");
    else url.removeAttribute("aria-invalid");
  };
  // What the address is, as soon as it is one; the refusal waits for the writer to finish.
  const check = () => {
    const post = recognise(url.value);
    found.textContent = post ? `${post.provider} ${post.video ? "video" : "post"}${post.account ? ` by ${post.account}` : ""}` : "";
    if (post) showProblem("");
    return post;
  };
  const close = () => {
    if (element.hidden) return;
    element.hidden = true;
    done?.();
  };
  const submit = () => {
    if (!check()) {
      showProblem(refusal(url.value));
      url.focus();
      return;
    }
    element.hidden = true;
    insert(formatDirective("embed", { url: url.value.trim(), caption: caption.value }));
  };

  url.addEventListener("input", check);
  add.addEventListener("click", submit);
  cancel.addEventListener("click", close);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && event.target.localName === "input") {
      event.preventDefault();
      submit();
    }
  });

  return {
    element,
    open() {
      url.value = "";
      caption.value = "";
      found.textContent = "";
      showProblem("");
      element.hidden = false;
      url.focus();
    },
    close,
  };
};
