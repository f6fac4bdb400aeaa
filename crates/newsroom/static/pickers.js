// Search-as-you-type pickers over the newsroom's JSON endpoints.

const csrf = () => document.body.dataset.csrf || "";

export const debounce = (fn, ms) => {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
};

const getJson = async (url) => {
  const response = await fetch(url, {
    headers: { Accept: "application/json", "X-CSRF-Token": csrf() },
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
};

export const searchArticles = (q, { edition = "", notEdition = "", exclude = "" } = {}) => {
  const params = new URLSearchParams({ q, edition, not_edition: notEdition, exclude });
  return getJson(`/admin/search/articles?${params}`);
};

export const searchPhotos = (q) => getJson(`/admin/search/photos?${new URLSearchParams({ q })}`);

const message = (list, text) => {
  const li = document.createElement("li");
  li.className = "muted";
  li.textContent = text;
  list.replaceChildren(li);
};

// Fills `list` with one button per article; `choose(article)` runs on click.
export const renderArticles = (list, articles, choose) => {
  if (articles.length === 0) return message(list, "No matching headlines.");
  list.replaceChildren(
    ...articles.map((a) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      const title = document.createElement("strong");
      title.textContent = a.headline;
      const meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = ` #${a.id} · ${a.edition} · ${a.status}`;
      button.append(title, meta);
      button.addEventListener("click", () => choose(a));
      li.append(button);
      return li;
    }),
  );
};

export const renderPhotos = (list, photos, choose) => {
  if (photos.length === 0) return message(list, "No photos found.");
  list.replaceChildren(
    ...photos.map((p) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      const img = document.createElement("img");
      img.src = p.thumbnail;
      img.alt = p.alt_text;
      img.loading = "lazy";
      const caption = document.createElement("span");
      caption.textContent = `#${p.id} ${p.caption || p.alt_text || ""}`;
      button.append(img, caption);
      if (!p.publishable) {
        const warn = document.createElement("span");
        warn.className = "badge warn";
        warn.textContent = "needs alt text";
        button.append(warn);
      }
      button.addEventListener("click", () => choose(p));
      li.append(button);
      return li;
    }),
  );
};

// Wires a dialog's search box to `search` and `render`.
export const dialogSearch = (dialog, search, render) => {
  const input = dialog.querySelector("[data-search]");
  const list = dialog.querySelector("[data-results]");
  const run = debounce(async () => {
    try {
      render(list, await search(input.value.trim()));
    } catch {
      message(list, "Search failed; check your connection and try again.");
    }
  }, 250);
  input.addEventListener("input", run);
  return { input, list, run };
};

// The translation form: search articles in other editions, fill in the id.
export const translationPicker = (form) => {
  const idField = form.querySelector("[name=other_id]");
  const results = form.querySelector("[data-results]");
  const search = document.createElement("input");
  search.type = "search";
  search.placeholder = "Search headlines in other editions";
  search.setAttribute("aria-label", "Search headlines in other editions");
  idField.before(search);
  const list = document.createElement("ul");
  list.className = "picker-list";
  results.append(list);
  search.addEventListener(
    "input",
    debounce(async () => {
      const q = search.value.trim();
      results.hidden = q.length < 2;
      if (q.length < 2) return;
      const found = await searchArticles(q, { notEdition: form.dataset.edition, exclude: form.dataset.articleId });
      renderArticles(list, found, (a) => {
        idField.value = a.id;
        search.value = a.headline;
        results.hidden = true;
      });
    }, 250),
  );
};
