// The article editor: insert embeds, pick photos, tags and bylines as chips, live preview,
// a warning before publishing what the rules will refuse and before leaving with unsaved
// changes.

import { start as startChips } from "./chips.js";
import { debounce, dialogSearch, renderArticles, renderPhotos, searchArticles, searchPhotos } from "./pickers.js";
import { start as startPublishCheck } from "./publish-check.js";

const form = document.querySelector("form[data-editor]");
const body = form.querySelector("textarea[name=body]");
const frame = document.querySelector("iframe[name=preview-frame]");

// Inserts `text` as its own paragraph at the cursor and selects `select` inside it.
// Over the rich editor (rich-editor.js), the editor inserts it as a block.
const insertBlock = (text, select) => {
  if (body.richEditor) return body.richEditor.insertEmbed(text, select);
  const { selectionStart: start, selectionEnd: end, value } = body;
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after.startsWith("\n\n") || after === "" ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const inserted = `${lead}${text}${trail}`;
  body.setRangeText(inserted, start, end, "end");
  if (select) {
    const at = start + lead.length + text.indexOf(select);
    body.setSelectionRange(at, at + select.length);
  }
  body.focus();
  body.dispatchEvent(new Event("input", { bubbles: true }));
};

const relatedDialog = document.getElementById("related-dialog");
const photoDialog = document.getElementById("photo-dialog");
let photoTarget = "body";

const openRelated = () => {
  const { input, run } = relatedDialog.search;
  relatedDialog.showModal();
  input.focus();
  if (input.value) run();
};

const openPhotos = (target) => {
  photoTarget = target;
  photoDialog.showModal();
  photoDialog.search.input.focus();
  photoDialog.search.run();
};

const setUpPickers = () => {
  relatedDialog.search = dialogSearch(
    relatedDialog,
    (q) => (q.length < 2 ? Promise.resolve([]) : searchArticles(q, { edition: form.dataset.edition, exclude: form.dataset.articleId })),
    (list, found) =>
      renderArticles(list, found, (a) => {
        relatedDialog.close();
        insertBlock(`::related[${a.id}]`);
      }),
  );
  photoDialog.search = dialogSearch(photoDialog, searchPhotos, (list, found) =>
    renderPhotos(list, found, (p) => {
      photoDialog.close();
      if (photoTarget === "hero") {
        const hero = document.getElementById("hero_photo_id");
        hero.value = p.id;
        hero.dispatchEvent(new Event("input", { bubbles: true }));
      } else {
        insertBlock(`::photo[${p.id}]`);
      }
    }),
  );
};

const setUpToolbar = () => {
  const toolbar = document.querySelector("[data-toolbar]");
  toolbar.hidden = false;
  toolbar.addEventListener("click", (event) => {
    const kind = event.target.closest("button")?.dataset.insert;
    if (kind === "related") openRelated();
    if (kind === "photo") openPhotos("body");
    if (kind === "quote") insertBlock('::quote[Quoted words]{cite="Who said them"}', "Quoted words");
  });
  const heroButton = document.querySelector("[data-pick-hero]");
  if (heroButton) {
    heroButton.hidden = false;
    heroButton.addEventListener("click", () => openPhotos("hero"));
  }
};

// New articles: sections and tags belong to an edition, so a change of edition reloads
// the form for it (asking first when something was typed).
const setUpEditionSwitch = () => {
  const select = form.querySelector("[data-edition-switch]");
  if (!select) return;
  document.querySelector("[data-edition-reload]")?.closest("p")?.setAttribute("hidden", "");
  select.addEventListener("change", () => {
    const typed = ["headline", "lead", "body"].some((n) => form.elements[n].value.trim() !== "");
    if (typed && !window.confirm("Switch edition? The text typed so far is not kept.")) {
      select.value = form.dataset.edition;
      return;
    }
    dirty = false;
    window.location.assign(`/admin/articles/new?edition=${encodeURIComponent(select.value)}`);
  });
};

// Live preview: the unsaved form, rendered by the reading site's template, into the frame.
const refreshPreview = async () => {
  const data = new URLSearchParams(new FormData(form));
  try {
    const response = await fetch("/admin/preview", {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRF-Token": document.body.dataset.csrf || "" },
    });
    if (response.ok) frame.srcdoc = await response.text();
  } catch {
    // Offline for a moment: the next keystroke tries again.
  }
};

let dirty = false;
const setUpPreviewAndDirtyState = () => {
  const later = debounce(refreshPreview, 1200);
  const changed = () => {
    dirty = true;
    later();
  };
  form.addEventListener("input", changed);
  // Inputs attached with form="article-form" live outside the form element.
  for (const el of document.querySelectorAll('[form="article-form"]')) {
    el.addEventListener("input", changed);
    el.addEventListener("change", changed);
  }
  form.addEventListener("submit", (event) => {
    if (event.submitter?.hasAttribute("data-preview")) {
      event.preventDefault();
      refreshPreview();
      return;
    }
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
};

export const start = () => {
  startChips();
  startPublishCheck(form);
  setUpPickers();
  setUpToolbar();
  setUpEditionSwitch();
  setUpPreviewAndDirtyState();
};
