// The "Search and social" fieldset: counters for the SEO title and meta description, and
// the search result and share card previews redrawn as they, the headline, the lead or
// the photos change. The server renders the first state with the same cut (`clip` in
// crates/newsroom/src/admin/articles/search_preview.rs): change both together.

import { debounce, dialogSearch, renderPhotos, searchPhotos } from "./pickers.js";

const box = document.querySelector("[data-search-preview]");
const form = document.querySelector("form[data-editor]");

// `text` cut to `max` characters, at a word boundary in the last fifth when there is one,
// with "…" when anything was cut. Characters, not UTF-16 units.
export const clip = (raw, max) => {
  const text = raw.trim();
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(max - 1, 0)).join("");
  const space = cut.search(/\s\S*$/u);
  const keep = space >= 0 && [...cut.slice(0, space)].length * 5 >= max * 4 ? cut.slice(0, space) : cut;
  return `${keep.trimEnd()}…`;
};

const value = (name) => form.elements[name]?.value.trim() ?? "";
const set = (selector, text) => {
  const el = box.querySelector(selector);
  if (el) el.textContent = text;
};

// Thumbnails by photo id, from the Admin API with the staff session (GET needs no token).
const thumbnails = new Map();
const thumbnail = (id) => {
  if (!thumbnails.has(id)) {
    const answer = fetch(`/api/v1/admin/photos/${encodeURIComponent(id)}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((p) => p?.thumbnail_url ?? null)
      .catch(() => {
        thumbnails.delete(id);
        return null;
      });
    thumbnails.set(id, answer);
  }
  return thumbnails.get(id);
};

const start = () => {
  const site = box.dataset.siteName;
  const titleShown = Number(box.dataset.titleShown);
  const descriptionShown = Number(box.dataset.descriptionShown);
  const frame = box.querySelector("[data-card-image]");
  let shownPhoto = value("social_photo_id") || value("hero_photo_id");

  const counters = () => {
    for (const counter of box.querySelectorAll("[data-counter-for]")) {
      const field = form.elements[counter.dataset.counterFor];
      counter.textContent = `${[...field.value].length}/${field.maxLength}`;
    }
  };

  const text = () => {
    const title = value("seo_title") || value("headline");
    const description = value("meta_description") || value("lead");
    set("[data-serp-title]", clip(`${title} | ${site}`, titleShown));
    set("[data-serp-description]", clip(description, descriptionShown));
    set("[data-card-title]", title);
    set("[data-card-description]", clip(description, descriptionShown));
    counters();
  };

  const image = async () => {
    const id = value("social_photo_id") || value("hero_photo_id");
    if (id === shownPhoto) return;
    shownPhoto = id;
    const url = /^[0-9]+$/.test(id) ? await thumbnail(id) : null;
    // Another change came while this one was looked up.
    if (id !== shownPhoto) return;
    if (!url) return frame.replaceChildren();
    const img = document.createElement("img");
    img.src = url;
    img.alt = "";
    frame.replaceChildren(img);
  };

  const later = debounce(image, 400);
  const changed = (event) => {
    if (!["headline", "lead", "seo_title", "meta_description", "social_photo_id", "hero_photo_id"].includes(event.target.name)) return;
    text();
    later();
  };
  // The hero photo's input lives outside the form (form="article-form"): listen on both.
  form.addEventListener("input", changed);
  document.getElementById("hero_photo_id")?.addEventListener("input", changed);
  pickSocialPhoto();
};

// "Choose…" beside the social image: the photo library's search, in a dialog of its own.
const pickSocialPhoto = () => {
  const button = box.querySelector("[data-pick-social]");
  const field = form.elements.social_photo_id;
  if (!button || !field) return;
  const dialog = document.createElement("dialog");
  dialog.className = "picker";
  dialog.setAttribute("aria-label", "Choose the social image");
  dialog.innerHTML = `<form method="dialog" class="picker-form">
    <h2>Choose the social image</h2>
    <label>Search captions and credits <input type="search" autocomplete="off" data-search></label>
    <ul class="photo-grid" data-results aria-live="polite"></ul>
    <div class="button-row"><button value="cancel">Cancel</button></div>
  </form>`;
  document.body.append(dialog);
  const search = dialogSearch(dialog, searchPhotos, (list, found) =>
    renderPhotos(list, found, (p) => {
      dialog.close();
      field.value = p.id;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }),
  );
  button.hidden = false;
  button.addEventListener("click", () => {
    dialog.showModal();
    search.input.focus();
    search.run();
  });
};

if (box && form) start();
